package com.certcare.gateway;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/** Requests to the gateway's management interface (health, metrics): its own port, not the public one. */
final class Management {

    private Management() {
    }

    /** How many answers with this status the public port gave (its timer gateway.answers on /q/metrics). */
    static double answers(String status) {
        String prefix = "gateway_answers_seconds_count{status=\"" + status + "\"";
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    static RequestSpecification given() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        return io.restassured.RestAssured.given().port(port);
    }
}
