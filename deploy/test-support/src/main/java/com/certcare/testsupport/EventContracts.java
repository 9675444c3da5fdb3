package com.certcare.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A published event's JSON Schema is its contract. This checks every envelope a service has written to its
 * outbox (during its tests: all of them, not only one test's) against {@code <schemaDir>/<type>.json} on the
 * classpath, so code and schema cannot drift apart unnoticed.
 */
public final class EventContracts {

    private EventContracts() {
    }

    /**
     * Validates every row of {@code outbox_event}; fails listing each envelope that breaks its schema or has
     * none. A type's schema is the first {@code <dir>/<type>.json} found, in the order given (a service's own
     * {@code schemas/events}, then the platform's {@code contracts} for the events two services share). Returns how
     * many envelopes of each type were checked.
     */
    public static Map<String, Integer> checkOutbox(DataSource dataSource, String... schemaDirs) throws SQLException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Schema> schemas = new HashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id, type, envelope::text from outbox_event order by created_at")) {
            while (rows.next()) {
                String type = rows.getString(2);
                String envelope = rows.getString(3);
                Schema schema = schemas.computeIfAbsent(type, t -> java.util.Arrays.stream(schemaDirs)
                        .map(dir -> load(registry, dir + "/" + t + ".json")).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null));
                counts.merge(type, 1, Integer::sum);
                if (schema == null) {
                    faults.add(type + " " + rows.getString(1) + ": no schema " + type + ".json in "
                            + String.join(", ", schemaDirs));
                    continue;
                }
                var errors = schema.validate(envelope, InputFormat.JSON);
                if (!errors.isEmpty()) {
                    faults.add(type + " " + rows.getString(1) + ": " + errors + "\n    " + envelope);
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new AssertionError(faults.size() + " outbox envelope(s) break their contract:\n  "
                    + String.join("\n  ", faults.subList(0, Math.min(20, faults.size()))));
        }
        return counts;
    }

    /** The first of the schema's {@code examples}, as JSON text: a message built from the contract itself. */
    public static String example(String schemaResource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + schemaResource);
            }
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.writeValueAsString(mapper.readTree(in).path("examples").path(0));
        } catch (IOException e) {
            throw new IllegalStateException(schemaResource, e);
        }
    }

    /** Fails, listing the violations, unless {@code json} matches the schema at {@code schemaResource}. */
    public static void check(String schemaResource, String json) {
        Schema schema = load(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12), schemaResource);
        if (schema == null) {
            throw new AssertionError("no schema " + schemaResource);
        }
        var errors = schema.validate(json, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("breaks " + schemaResource + ": " + errors + "\n    " + json);
        }
    }

    private static Schema load(SchemaRegistry registry, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
