package com.certcare.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "certcare.outbox")
public interface OutboxConfig {

    /** Name written as {@code source} into every event envelope. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** How often the relay looks for unsent events (also read by its @Scheduled expression). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long after start the relay first runs (the messaging channels connect first). */
    @WithDefault("2s")
    Duration startDelay();

    /** How many unsent events the relay publishes per round. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement before giving the round up. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** How long a sent event stays in the outbox table (for inspection) before it is deleted. */
    @WithDefault("7d")
    Duration retention();

    /** How often sent events past their retention are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();

    /**
     * How many times a row the broker refuses for a reason that will not pass (record too large, not
     * authorised, ...) is tried before it is parked. A broker that is down or slow never parks anything.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * Whether a transaction that wrote outbox rows wakes the relay when it commits, so its events reach the
     * broker at once rather than at the next poll (which stays as the safety net).
     */
    @WithDefault("true")
    boolean wakeOnCommit();

    /** Whether the relay runs at all (tests of the outbox table itself may switch it off). */
    @WithDefault("true")
    boolean relayEnabled();
}
