package com.certcare.customer.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.EventContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas of the events this service consumes from others that are not shared through the platform: the copy
 * customer-service keeps (with an example its tests build messages from) must say what the producer's schema says,
 * so a change on feedback-service's side fails here before it reaches a dead-letter topic.
 */
class ConsumedContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCopyOfClientSystemChangeReportedIsTheProducersSchemaWithAnExampleThatMatchesIt() throws Exception {
        Path producers = Path.of("..", "feedback-service", "src", "main", "resources", "schemas", "events",
                "ClientSystemChangeReported.json");
        assertTrue(Files.exists(producers), "feedback-service's schema at " + producers.toAbsolutePath());
        ObjectNode copy;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SystemChangeIntakeTest.SCHEMA)) {
            copy = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode withoutOurs = copy.deepCopy();
        withoutOurs.remove("examples");
        withoutOurs.remove("$comment");
        JsonNode theirs = JSON.readTree(producers.toFile());
        assertEquals(theirs, withoutOurs, "schemas/consumed/ClientSystemChangeReported.json differs from " + producers
                + ": take the producer's over, keep the example valid, and check SystemChangeIntake still reads it");

        EventContracts.check(SystemChangeIntakeTest.SCHEMA, EventContracts.example(SystemChangeIntakeTest.SCHEMA));
        // the record reads the example completely
        var data = JSON.findAndRegisterModules().treeToValue(copy.path("examples").path(0).path("data"),
                ClientSystemChangeReported.class);
        assertEquals(null, data.missing());
    }
}
