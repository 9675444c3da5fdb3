package com.certcare.gateway.routing;

/**
 * One request through the gateway, from its arrival to its answer's end or its caller's leaving. The front
 * server creates it and tells it when the caller has gone; the proxy says what must happen then (reset the
 * back-end request, so its connection is closed and its pool slot freed).
 */
public final class Exchange {

    final long startNanos;
    private Runnable onCallerGone;
    private volatile int resetAs;

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

    /**
     * The caller's answer was reset after it had begun, by the gateway and not by the caller's leaving: counted
     * with this status (502: the service's answer broke off mid-stream; 500: a fault of the gateway's own).
     */
    void resetAs(int status) {
        resetAs = status;
    }

    /** The status to count for an answer the gateway reset ({@link #resetAs}), or 0 if it did not. */
    public int resetStatus() {
        return resetAs;
    }
}
