package com.certcare.application.ping;

import com.certcare.testsupport.PingContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PingResourceTest extends PingContractTest {

    @Override
    protected String pingPath() {
        return "/api/applications/ping";
    }

    @Override
    protected String serviceName() {
        return "application-contract-service";
    }

    @Override
    protected String allowedRole() {
        return "market";
    }

    @Override
    protected String forbiddenRole() {
        return "department";
    }
}
