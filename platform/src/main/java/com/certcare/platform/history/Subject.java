package com.certcare.platform.history;

/**
 * What a change is kept against: the aggregate whose history lists it ({@code client} 42, an application) and the
 * entity in it that changed — the aggregate itself, or a part of it such as one of the client's certification
 * records. The names are the service's words; the history only keeps and compares them.
 */
public record Subject(String aggregate, long aggregateId, String entity, long entityId) {

    /** The aggregate itself. */
    public static Subject of(String aggregate, long id) {
        return new Subject(aggregate, id, aggregate, id);
    }

    /** A part of this subject's aggregate, listed in its history. */
    public Subject part(String entity, long entityId) {
        return new Subject(aggregate, aggregateId, entity, entityId);
    }
}
