package com.certcare.customer.exchange;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * An export holds a database connection while it streams. At most {@code max-concurrent} exports run at
 * once (more get 429 with Retry-After), so slow downloads cannot take the pool from every other request;
 * the export's query may run {@code statement-timeout} at most, and a download that stops reading holds its
 * transaction idle {@code idle-timeout} at most before PostgreSQL ends it.
 */
@ConfigMapping(prefix = "certcare.export")
public interface ExportLimits {

    @WithDefault("2")
    int maxConcurrent();

    @WithDefault("120s")
    Duration statementTimeout();

    @WithDefault("60s")
    Duration idleTimeout();

    /** What a 429 asks the caller to wait. */
    @WithDefault("10s")
    Duration retryAfter();
}
