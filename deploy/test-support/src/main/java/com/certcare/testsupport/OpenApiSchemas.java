package com.certcare.testsupport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of JSON Schema (as OpenAPI 3.0/3.1 documents use it) that {@link OpenApiBadInputWalk} needs:
 * resolving {@code $ref}/{@code allOf}, a valid sample for a schema, and whether a value conforms to a schema.
 * The check covers what a schema can declare about one value: type (and nullability), enum, required
 * properties, format {@code int32}/{@code int64}/{@code date}/{@code date-time}, min/max length, pattern,
 * minimum/maximum, min/max items; recursively through properties and items. Anything else is taken as valid.
 */
final class OpenApiSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final JsonNode document;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    /** The schema with {@code $ref}, {@code allOf} and a nullable {@code anyOf}/{@code oneOf} folded in. */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || !schema.isObject()) {
            return NODES.objectNode();
        }
        if (depth > 20) {
            return schema;
        }
        ObjectNode out = NODES.objectNode();
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.startsWith("#") ? document.at(ref.substring(1)) : null;
            if (target != null && !target.isMissingNode()) {
                merge(out, resolve(target, depth + 1));
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                merge(out, resolve(part, depth + 1));
            }
        }
        for (String alternatives : new String[] { "anyOf", "oneOf" }) {
            if (schema.has(alternatives)) {
                JsonNode chosen = null;
                boolean nullable = false;
                for (JsonNode part : schema.get(alternatives)) {
                    JsonNode resolved = resolve(part, depth + 1);
                    if (types(resolved).equals(Set.of("null"))) {
                        nullable = true;
                    } else if (chosen == null) {
                        chosen = resolved;
                    }
                }
                if (chosen != null) {
                    merge(out, chosen);
                }
                if (nullable) {
                    out.put("nullable", true);
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!Set.of("$ref", "allOf", "anyOf", "oneOf").contains(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("properties") && into.has("properties") && value.isObject()) {
                ((ObjectNode) into.get("properties")).setAll((ObjectNode) value.deepCopy());
            } else if (key.equals("required") && into.has("required") && value.isArray()) {
                ((ArrayNode) into.get("required")).addAll((ArrayNode) value.deepCopy());
            } else {
                into.set(key, value.deepCopy());
            }
        }
    }

    /** The declared types ({@code type} as a string or a 3.1 array), without "null"; empty means any. */
    static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (types.isEmpty()) {
            if (schema.has("properties")) {
                types.add("object");
            } else if (schema.has("items")) {
                types.add("array");
            } else if (schema.has("enum")) {
                types.add("string");
            }
        }
        return types;
    }

    static boolean nullable(JsonNode schema) {
        Set<String> declared = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> declared.add(t.asText()));
        }
        return schema.path("nullable").asBoolean(false) || declared.contains("null");
    }

    /** The first declared type other than "null", or null when the schema admits any type. */
    static String mainType(JsonNode schema) {
        for (String t : types(schema)) {
            if (!t.equals("null")) {
                return t;
            }
        }
        return null;
    }

    /** A value valid for {@code schema}: its first example or enum value, else one made from its type. */
    JsonNode sample(JsonNode schema) {
        return sample(resolve(schema), 0);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        for (JsonNode example : new JsonNode[] { schema.path("examples").path(0), schema.path("example"),
                schema.path("default") }) {
            if (!example.isMissingNode() && !example.isNull() && conforms(example, schema)) {
                return example.deepCopy();
            }
        }
        if (schema.path("enum").isArray() && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).deepCopy();
        }
        String type = mainType(schema);
        if (type == null) {
            return NODES.textNode("x");
        }
        switch (type) {
            case "string":
                return NODES.textNode(sampleText(schema));
            case "integer": {
                long min = schema.path("minimum").asLong(1);
                return NODES.numberNode(Math.max(1, min));
            }
            case "number":
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH && schema.has("items")) {
                    array.add(sample(resolve(schema.get("items")), depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        JsonNode resolved = resolve(property.getValue());
                        if (!resolved.path("readOnly").asBoolean(false)) {
                            object.set(property.getKey(), sample(resolved, depth + 1));
                        }
                    }
                }
                return object;
            }
            default:
                return NODES.textNode("x");
        }
    }

    private static String sampleText(JsonNode schema) {
        String format = schema.path("format").asText("");
        String text = switch (format) {
            case "date" -> "2026-01-10";
            case "date-time" -> "2026-01-10T08:00:00Z";
            case "time", "local-time" -> "08:00:00";
            case "uuid" -> "0b9f6f2e-3a7c-4c1e-9d55-6a1c2f8e4b10";
            case "email" -> "walk@example.com";
            case "uri", "url" -> "https://example.com/";
            default -> "x";
        };
        int min = schema.path("minLength").asInt(0);
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.toString();
    }

    /** Whether {@code value} conforms to {@code schema} (see the class comment for what is checked). */
    boolean conforms(JsonNode value, JsonNode schema) {
        return conforms(value, resolve(schema), 0);
    }

    private boolean conforms(JsonNode value, JsonNode schema, int depth) {
        if (depth > MAX_DEPTH * 2) {
            return true;
        }
        Set<String> types = types(schema);
        types.remove("null");
        if (value == null || value.isMissingNode()) {
            return true;
        }
        if (value.isNull()) {
            return nullable(schema) || (types.isEmpty() && !schema.has("enum"));
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && allowed.size() > 0) {
            boolean listed = false;
            for (JsonNode candidate : allowed) {
                listed |= candidate.equals(value) || (candidate.isTextual() && value.isTextual()
                        && candidate.asText().equals(value.asText()));
            }
            if (!listed) {
                return false;
            }
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(value, t))) {
            return false;
        }
        String format = schema.path("format").asText("");
        if (value.isTextual()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                return false;
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                return false;
            }
            if (schema.has("pattern") && !matches(schema.get("pattern").asText(), text)) {
                return false;
            }
            if (format.equals("date") && !parses(() -> LocalDate.parse(text))) {
                return false;
            }
            if (format.equals("date-time") && !parses(() -> OffsetDateTime.parse(text))) {
                return false;
            }
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (types.contains("integer") && !types.contains("number")) {
                BigInteger whole = number.toBigInteger();
                if (format.equals("int32") && (whole.compareTo(INT_MIN) < 0 || whole.compareTo(INT_MAX) > 0)) {
                    return false;
                }
                if (format.equals("int64") && (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0)) {
                    return false;
                }
            }
            if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
                return false;
            }
            if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
                return false;
            }
            if (schema.path("exclusiveMinimum").isNumber()
                    && number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
                return false;
            }
            if (schema.path("exclusiveMaximum").isNumber()
                    && number.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
                return false;
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                return false;
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                return false;
            }
            if (schema.has("items")) {
                JsonNode items = resolve(schema.get("items"));
                for (JsonNode item : value) {
                    if (!conforms(item, items, depth + 1)) {
                        return false;
                    }
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    return false;
                }
            }
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (value.has(property.getKey())
                        && !conforms(value.get(property.getKey()), resolve(property.getValue()), depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
