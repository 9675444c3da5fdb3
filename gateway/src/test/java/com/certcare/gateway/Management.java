package com.certcare.gateway;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/** Requests to the gateway's management interface (health, metrics): its own port, not the public one. */
final class Management {

    private Management() {
    }

    static RequestSpecification given() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        return io.restassured.RestAssured.given().port(port);
    }
}
