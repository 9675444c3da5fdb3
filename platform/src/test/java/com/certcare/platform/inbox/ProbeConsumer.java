package com.certcare.platform.inbox;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.LockAcquisitionException;

import io.smallrye.common.annotation.Blocking;

/**
 * A consumer for the platform's tests. Its messages say what to do: {@code ok:ID} is applied,
 * {@code flaky:ID:N} meets a deadlock (as PostgreSQL reports it, SQLSTATE 40P01) N times before it
 * applies, {@code poison:ID} breaks a rule — until the test mends it.
 */
@ApplicationScoped
public class ProbeConsumer {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Set<String> mended = ConcurrentHashMap.newKeySet();

    private final ConsumerRetry retry;

    ProbeConsumer(ConsumerRetry retry) {
        this.retry = retry;
    }

    int attempts(String id) {
        AtomicInteger n = attempts.get(id);
        return n == null ? 0 : n.get();
    }

    boolean applied(String id) {
        return applied.contains(id);
    }

    void mend(String id) {
        mended.add(id);
    }

    @Incoming("probe")
    @Blocking
    public void consume(String message) {
        String[] parts = message.split(":");
        String id = parts[1];
        retry.run("probe " + id, () -> {
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            switch (parts[0]) {
                case "flaky" -> {
                    if (attempt <= Integer.parseInt(parts[2])) {
                        throw new LockAcquisitionException("could not apply " + id,
                                new SQLException("deadlock detected", "40P01"));
                    }
                }
                case "poison" -> {
                    if (!mended.contains(id)) {
                        throw new IllegalArgumentException("probe " + id + " breaks a rule");
                    }
                }
                default -> {
                }
            }
            applied.add(id);
        });
    }
}
