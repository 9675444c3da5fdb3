package com.certcare.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyLimitsPathsTest {

    @Test
    void aListedPathCoversItselfAndWhatLiesBeneath() {
        assertTrue(BodyLimits.covers("/api/customers/import", "/api/customers/import"));
        assertTrue(BodyLimits.covers("/api/customers/import", "/api/customers/import/x"));
        assertFalse(BodyLimits.covers("/api/customers/import", "/api/customers/importer"));
        assertFalse(BodyLimits.covers("/api/customers/import", "/api/customers"));
    }

    @Test
    void aStarStandsForExactlyOneSegment() {
        assertTrue(BodyLimits.covers("/api/documents/*/versions", "/api/documents/12/versions"));
        assertFalse(BodyLimits.covers("/api/documents/*/versions", "/api/documents/12"));
        assertFalse(BodyLimits.covers("/api/documents/*/versions", "/api/documents//versions"));
        assertFalse(BodyLimits.covers("/api/documents/*/versions", "/api/documents/12/history"));
        assertFalse(BodyLimits.covers("/api/documents/*/versions", "/api/documents"));
    }
}
