package com.certcare.feedback;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.ArchitectureRules;

/** No cycle between this service's packages, and no import of another service's code (see ArchitectureRules). */
class ArchitectureTest {

    @Test
    void packagesPointOneWayAndNoOtherServiceIsImported() {
        ArchitectureRules.check("com.certcare.feedback");
    }
}
