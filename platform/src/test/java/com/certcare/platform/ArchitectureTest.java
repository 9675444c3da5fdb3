package com.certcare.platform;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.ArchitectureRules;

/** The platform keeps the rules it asks of the services: its packages point one way, and it uses no service. */
class ArchitectureTest {

    @Test
    void packagesPointOneWayAndNoServiceIsImported() {
        ArchitectureRules.check("com.certcare.platform");
    }
}
