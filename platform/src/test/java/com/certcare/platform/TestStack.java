package com.certcare.platform;

import com.certcare.testsupport.KafkaResource;
import com.certcare.testsupport.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** What every platform test runs against, started once for the module: PostgreSQL, a Kafka broker, OIDC. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = "topics",
        value = "relay-order,relay-outage,relay-parked,janitor-test,probe,probe.dlq.platform-test"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStack {
    private TestStack() {
    }
}
