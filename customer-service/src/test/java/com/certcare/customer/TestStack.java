package com.certcare.customer;

import com.certcare.testsupport.KafkaResource;
import com.certcare.testsupport.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real components every test of this module runs against, started once for the module:
 * PostgreSQL, a Kafka broker with this service's topics, and the WireMock OIDC server.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = "topics", value = "customers,contracts,contracts.dlq.customer-service,feedback,feedback.dlq.customer-service"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStack {
    private TestStack() {
    }
}
