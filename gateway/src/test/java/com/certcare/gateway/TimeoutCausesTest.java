package com.certcare.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import com.certcare.gateway.routing.BackendProxy;

/** BackendProxy.isTimeout runs on the event loop: a cause chain that loops must not hold it. */
class TimeoutCausesTest {

    @Test
    void aLoopingChainEndsAndATimeoutInsideIsFound() {
        RuntimeException a = new RuntimeException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(BackendProxy.isTimeout(new RuntimeException(a))));

        TimeoutException timeout = new TimeoutException("pool wait");
        RuntimeException c = new RuntimeException("c", timeout);
        timeout.initCause(c);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(BackendProxy.isTimeout(new RuntimeException(c))));
    }
}
