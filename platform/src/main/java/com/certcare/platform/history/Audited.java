package com.certcare.platform.history;

/**
 * An entity whose changes {@link ChangeHistory} keeps field by field. Its {@link #snapshot()} is the rendering hook:
 * each field as people read it, which is what the history shows as old → new.
 */
public interface Audited {

    /** The entity's fields now, as people read them; taken before and after a change and compared. */
    Snapshot snapshot();
}
