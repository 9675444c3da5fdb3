package com.certcare.gateway.routing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Requests under way through the gateway, with their start, so a stuck one can be seen (ProxyLiveness). */
public final class InFlight {

    private final Set<Exchange> under = ConcurrentHashMap.newKeySet();

    /** A request that has just arrived; it counts until {@link #end} (its answer ended or its caller left). */
    public Exchange begin(long startNanos) {
        Exchange exchange = new Exchange(startNanos);
        under.add(exchange);
        return exchange;
    }

    /** Ends the exchange; true the first time, false after (an answer ends, then its connection may close). */
    public boolean end(Exchange exchange) {
        return under.remove(exchange);
    }

    public int count() {
        return under.size();
    }

    /** How long the oldest request under way has been running (zero when none is). */
    public Duration oldest() {
        long now = System.nanoTime();
        long max = 0;
        for (Exchange exchange : under) {
            max = Math.max(max, now - exchange.startNanos);
        }
        return Duration.ofNanos(max);
    }
}
