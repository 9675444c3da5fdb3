package com.certcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web app's API types are generated from a snapshot of each service's OpenAPI document, committed at
 * {@code frontend/src/api/openapi/<service>.json}. {@link #check} fails when the document a service serves differs
 * from that snapshot, so an API change cannot reach the web app unnoticed; with {@code -Dcertcare.openapi.update=true}
 * it rewrites the snapshot instead (pretty-printed, keys sorted, so the file only changes when the API does).
 * A service's {@code OpenApiSnapshotTest} fetches {@code /q/openapi?format=json} and hands it here.
 */
public final class OpenApiSnapshot {

    public static final String UPDATE = "certcare.openapi.update";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiSnapshot() {
    }

    /**
     * @param service       the module's name, e.g. {@code customer-service} (the snapshot's file name)
     * @param servedJson    the document the test app serves
     * @param testOnlyPaths paths of resources that exist only in the module's tests; not part of the API
     */
    public static void check(String service, String servedJson, List<String> testOnlyPaths) {
        Path snapshot = Path.of("../frontend/src/api/openapi/" + service + ".json");
        String howToUpdate = """
                To take the new document (from the repository's root), then regenerate the web app's types:
                  ./mvnw -B verify -pl %s -am -Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -D%s=true
                  cd frontend && npm run api:generate
                and commit both files.""".formatted(service, UPDATE);
        try {
            JsonNode served = canonical(JSON.readTree(servedJson), testOnlyPaths);
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(snapshot.getParent());
                Files.writeString(snapshot, print(served), StandardCharsets.UTF_8);
                System.out.println("OpenAPI snapshot written to " + snapshot.toAbsolutePath().normalize());
                return;
            }
            assertTrue(Files.exists(snapshot), "No OpenAPI snapshot at " + snapshot.toAbsolutePath().normalize()
                    + ".\n" + howToUpdate);
            JsonNode committed = JSON.readTree(snapshot.toFile());
            if (!served.equals(committed)) {
                List<String> differences = new ArrayList<>();
                differences(committed, served, "", differences);
                fail(service + "'s OpenAPI document differs from the snapshot " + snapshot
                        + " the web app's types are generated from (snapshot → served):\n  "
                        + String.join("\n  ", differences.subList(0, Math.min(differences.size(), 20)))
                        + (differences.size() > 20 ? "\n  … and " + (differences.size() - 20) + " more" : "")
                        + "\n" + howToUpdate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document without test-only paths, object keys sorted (arrays keep their order: it means something). */
    private static JsonNode canonical(JsonNode document, List<String> testOnlyPaths) {
        ObjectNode copy = document.deepCopy();
        if (copy.get("paths") instanceof ObjectNode paths) {
            testOnlyPaths.forEach(paths::remove);
        }
        return sorted(copy);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (String name : new TreeSet<>(iterable(node))) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Two-space indentation, {@code "key": value}, one array item a line: as JSON.stringify(…, null, 2) writes it. */
    private static String print(JsonNode node) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return JSON.writer(printer).writeValueAsString(node) + "\n";
    }

    /** Where the two documents differ, as JSON pointers with both values. */
    private static void differences(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(iterable(expected));
            names.addAll(iterable(actual));
            for (String name : names) {
                String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add(here + ": only in the snapshot");
                } else if (!expected.has(name)) {
                    out.add(here + ": only in the served document");
                } else {
                    differences(expected.get(name), actual.get(name), here, out);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                if (i >= actual.size()) {
                    out.add(at + "/" + i + ": only in the snapshot: " + abbreviated(expected.get(i)));
                } else if (i >= expected.size()) {
                    out.add(at + "/" + i + ": only in the served document: " + abbreviated(actual.get(i)));
                } else {
                    differences(expected.get(i), actual.get(i), at + "/" + i, out);
                }
            }
            return;
        }
        out.add((at.isEmpty() ? "/" : at) + ": " + abbreviated(expected) + " → " + abbreviated(actual));
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "…" : text;
    }
}
