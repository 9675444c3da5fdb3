package com.certcare.gateway.routing;

/**
 * One request through the gateway, from its arrival to its answer's end or its caller's leaving. The front
 * server creates it and tells it when the caller has gone; the proxy says what must happen then (reset the
 * back-end request, so its connection is closed and its pool slot freed).
 */
public final class Exchange {

    final long startNanos;
    private Runnable onCallerGone;
    private volatile boolean backendBroke;

    Exchange(long startNanos) {
        this.startNanos = startNanos;
    }

    public long startNanos() {
        return startNanos;
    }

    /** What to do if the caller goes away before its answer has ended (replaces what was set before). */
    void onCallerGone(Runnable action) {
        this.onCallerGone = action;
    }

    /** The caller's connection closed before the answer ended. */
    public void callerGone() {
        Runnable action = onCallerGone;
        onCallerGone = null;
        if (action != null) {
            action.run();
        }
    }

    /** The service's answer broke off after it had begun: the caller's answer is reset, counted as a 502. */
    void markBackendBroke() {
        backendBroke = true;
    }

    public boolean backendBroke() {
        return backendBroke;
    }
}
