package com.certcare.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The clock every rule reads time from; tests replace it with a fixed one. Zone: Asia/Shanghai. */
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
