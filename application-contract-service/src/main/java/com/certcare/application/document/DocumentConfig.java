package com.certcare.application.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certcare.documents.*}: limits of uploads and of the public answers. */
@ConfigMapping(prefix = "certcare.documents")
public interface DocumentConfig {

    /**
     * The largest file an upload may carry (20M). The HTTP layer's limit on the upload route
     * ({@code quarkus.http.limits.max-body-size}) must leave room for it and the form around it.
     */
    @WithDefault("20M")
    MemorySize maxBytes();

    /** How long a browser or proxy may reuse the public list and downloads without asking again. */
    @WithDefault("300")
    int publicMaxAgeSeconds();

    /** The most documents the public list shows (it is not paged). */
    @WithDefault("500")
    int publicListMax();
}
