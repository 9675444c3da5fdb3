package com.certcare.customer.ping;

import com.certcare.testsupport.PingContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PingResourceTest extends PingContractTest {

    @Override
    protected String pingPath() {
        return "/api/customers/ping";
    }

    @Override
    protected String serviceName() {
        return "customer-service";
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
