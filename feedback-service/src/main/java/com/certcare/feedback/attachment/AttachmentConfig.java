package com.certcare.feedback.attachment;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Attachments on items: how large one file may be and how many an item takes. */
@ConfigMapping(prefix = "certcare.feedback.attachments")
public interface AttachmentConfig {

    /** The largest file an upload may carry (within {@code quarkus.http.limits.max-body-size}). */
    @WithDefault("10M")
    MemorySize maxBytes();

    /** How many files one item takes. */
    @WithDefault("10")
    int maxPerItem();
}
