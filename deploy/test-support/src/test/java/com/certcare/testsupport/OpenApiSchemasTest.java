package com.certcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the walk counts as breaking a schema, and the valid samples it starts from. */
class OpenApiSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Status": {"type": "string", "enum": ["APPLYING", "VALID"]},
              "Input": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "maxLength": 5},
                "version": {"type": "integer", "format": "int32"},
                "fee": {"type": "number"},
                "on": {"type": "string", "format": "date"},
                "status": {"$ref": "#/components/schemas/Status"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "note": {"type": ["string", "null"]}}},
              "Extended": {"allOf": [{"$ref": "#/components/schemas/Input"}, {"properties": {"extra": {"type": "boolean"}}}]}
            }}}""";

    private final OpenApiSchemas schemas;

    OpenApiSchemasTest() throws Exception {
        schemas = new OpenApiSchemas(JSON.readTree(DOCUMENT));
    }

    private JsonNode schema(String name) throws Exception {
        return JSON.readTree("{\"$ref\": \"#/components/schemas/" + name + "\"}");
    }

    private boolean conforms(String json, String schemaName) throws Exception {
        return schemas.conforms(JSON.readTree(json), schema(schemaName));
    }

    @Test
    void checksTypesFormatsEnumsRequiredAndLengths() throws Exception {
        assertTrue(conforms("{\"name\": \"ok\", \"version\": 3, \"fee\": 1.5, \"on\": \"2026-01-10\", \"status\": \"VALID\"}", "Input"));
        assertFalse(conforms("{}", "Input"), "name is required");
        assertFalse(conforms("{\"name\": 1}", "Input"), "a number for a string");
        assertFalse(conforms("{\"name\": \"toolong\"}", "Input"), "maxLength");
        assertFalse(conforms("{\"name\": \"a\", \"version\": 1.5}", "Input"), "a fraction for an integer");
        assertFalse(conforms("{\"name\": \"a\", \"version\": 3000000000}", "Input"), "beyond int32");
        assertFalse(conforms("{\"name\": \"a\", \"fee\": \"1.5\"}", "Input"), "a string for a number");
        assertFalse(conforms("{\"name\": \"a\", \"on\": \"2026-13-45\"}", "Input"), "an impossible date");
        assertFalse(conforms("{\"name\": \"a\", \"status\": \"NOT_A_VALUE\"}", "Input"), "an unknown enum value");
        assertFalse(conforms("{\"name\": \"a\", \"tags\": [1]}", "Input"), "a number as an item of a string array");
        assertTrue(conforms("{\"name\": \"a\", \"note\": null}", "Input"), "null where the type allows it");
        assertFalse(conforms("{\"name\": \"a\", \"version\": null}", "Input"), "null where the type does not");
        assertFalse(conforms("[]", "Input"));
        assertFalse(conforms("{\"name\": \"a\", \"extra\": 1}", "Extended"), "allOf adds properties");
        assertFalse(conforms("{}", "Extended"), "allOf keeps required");
    }

    @Test
    void samplesAValidValue() throws Exception {
        JsonNode sample = schemas.sample(schema("Extended"));
        assertTrue(schemas.conforms(sample, schema("Extended")), sample.toString());
        assertEquals("APPLYING", sample.path("status").asText());
        assertEquals("2026-01-10", sample.path("on").asText());
    }
}
