package com.certcare.survey;

import com.certcare.testsupport.KafkaResource;
import com.certcare.testsupport.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real components every test of this module runs against, started once for the module:
 * PostgreSQL, a Kafka broker with this service's topics, the WireMock OIDC server and a GreenMail SMTP server.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = "topics", value = "surveys,customers,customers.dlq.survey-service,feedback"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GreenMailResource.class)
public final class TestStack {
    private TestStack() {
    }
}
