package com.certcare.feedback.ping;

import com.certcare.testsupport.PingContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PingResourceTest extends PingContractTest {

    @Override
    protected String pingPath() {
        return "/api/feedback/ping";
    }

    @Override
    protected String serviceName() {
        return "feedback-service";
    }

    @Override
    protected String allowedRole() {
        return "market";
    }

    @Override
    protected String forbiddenRole() {
        return "auditor";
    }
}
