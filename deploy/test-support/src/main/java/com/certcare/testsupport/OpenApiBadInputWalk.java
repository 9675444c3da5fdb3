package com.certcare.testsupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of a service's OpenAPI document ({@code /q/openapi?format=json}) with malformed input
 * and collects every answer that is a fault; {@link #assertNoFaults()} then fails once with the whole list
 * (method, path, case, status, body excerpt, and the request to reproduce it). New endpoints are covered as
 * soon as they appear in the document.
 *
 * <h2>Cases</h2>
 * <ul>
 * <li><b>Path parameters</b>: {@code abc}, {@code 1.5}, {@code -1}, {@code 0}, {@code 99999999999999999999},
 * {@code %00}, a lone surrogate ({@code %ED%A0%80}); the other path parameters keep their real values.</li>
 * <li><b>Query parameters</b>, one at a time: a word, a fraction, a negative number, a number beyond int64,
 * an empty value, an unknown enum value (where the schema has an enum), NUL, 3,000 and 10,000 characters, a
 * lone surrogate and an overlong NUL (invalid UTF-8), a right-to-left override, an emoji.</li>
 * <li><b>JSON bodies</b>: none, empty, {@code null}, {@code {}}, {@code []}, {@code "x"}, truncated JSON, 10,000
 * nested arrays, 10,000 nested objects; then, for every property at any depth (array items through their first
 * element): missing; a value of each wrong JSON type (string, number, fraction, number beyond int64, boolean,
 * object, array; only those the schema does not allow); an unknown enum value; an impossible date for
 * {@code date}/{@code date-time}; for strings also 100,000 characters, NUL inside, a lone surrogate, a
 * right-to-left override and an emoji. The other properties keep the values of a valid body: one the service's
 * test supplies ({@link #validBody}), or one made from the schema.</li>
 * <li><b>Other bodies</b> (CSV, XLSX, octet-stream, multipart): empty, and 4 KiB of random bytes.</li>
 * <li><b>Every operation</b>: an undeclared query parameter (NUL and 3,000 characters); a truncated JSON body
 * where none is declared; a valid JSON body sent as {@code text/plain} where JSON is declared.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * <ul>
 * <li>any 5xx, or no answer within the timeout;</li>
 * <li>a 2xx to input that breaks what the schema declares: a type, a format ({@code int32}, {@code int64},
 * {@code date}, {@code date-time}), an enum, a required property or body, a length, a pattern, a bound;</li>
 * <li>a 4xx that is not {@code application/problem+json}, except 414 and 431: the HTTP layer refuses a request
 * line over {@code quarkus.http.limits.max-initial-line-length} (4 KiB; the 10,000-character query value) or
 * headers over their limit before any application code runs, with the right status and no body (the
 * 3,000-character value is there to reach the application);</li>
 * <li>a 404 to a bad query or body value when the address itself exists (every path parameter has a real value
 * from the test): the caller would think the address is wrong;</li>
 * <li>a 400 to a value that breaks the schema, whose {@code errors} do not name the parameter or property
 * (or a property beneath it) — the convention is a problem naming the field.</li>
 * </ul>
 *
 * <h2>What is not asserted, and why</h2>
 * <ul>
 * <li>Input the schema allows gets no status assertion beyond "not 5xx" and "problem+json if 4xx": a missing
 * property not declared {@code required}, a long string without {@code maxLength}, NUL or odd Unicode in a
 * plain string, {@code -1} for an integer without {@code minimum}. The service may refuse them (many do, with
 * a 400), but a 2xx is not a fault by the document.</li>
 * <li>An empty query value ({@code ?page=}) counts as absent, as for every query parameter of our services.</li>
 * <li>A property set to {@code null} is not tried: our records accept null for any optional property and the
 * generated schemas do not say which are nullable.</li>
 * <li>A lone surrogate is not "breaking": JSON allows the escape, and the schema cannot forbid it (our
 * services refuse it in text fields, {@code Violations.plain}, but that is their rule, not the document's).</li>
 * <li>Header and cookie parameters are not walked.</li>
 * </ul>
 *
 * <h2>Side effects</h2>
 * Bodies that break the schema must not succeed; the others may create or change data, so point path
 * parameters at data the test created ({@link #pathParam(String, String, Supplier)}). DELETE operations get
 * only their malformed-path cases unless the test names them by operationId, in {@code pathParam} (give it a
 * throwaway id, e.g. a supplier that creates a fresh record per case) or in {@link #allowDelete}.
 *
 * <p>A fault another change is fixing can be declared with {@link #knownFault}: it is reported, not failed on.
 */
public final class OpenApiBadInputWalk {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    /** Escapes every non-ASCII character, so a lone surrogate travels as {@code \ud800} and reaches the parser. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().findAndAddModules()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_TYPE = "application/problem+json";
    private static final String GLOBAL = "";
    private static final int EXCERPT = 300;
    /** Refused by the HTTP layer before any application code runs (request line or headers too long). */
    private static final Set<Integer> HTTP_LAYER = Set.of(414, 431);

    private String baseUri;
    private String documentPath = "/q/openapi?format=json";
    private Supplier<Map<String, String>> headers = Map::of;
    private final List<String> prefixes = new ArrayList<>();
    private final Map<String, Map<String, Supplier<?>>> pathParams = new LinkedHashMap<>();
    private final Map<String, Body> validBodies = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Set<String> deletable = new HashSet<>();
    private final List<Known> known = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(30);

    private OpenApiSchemas schemas;
    private final List<String> trace = new ArrayList<>();

    private OpenApiBadInputWalk() {
    }

    /** A walk against the app REST Assured points at (in a {@code @QuarkusTest}: the app under test). */
    public static OpenApiBadInputWalk of() {
        return new OpenApiBadInputWalk();
    }

    /** Another base URI than REST Assured's default, e.g. a running stack. */
    public OpenApiBadInputWalk baseUri(String uri) {
        this.baseUri = uri;
        return this;
    }

    /** Where the document is served, default {@code /q/openapi?format=json}. */
    public OpenApiBadInputWalk document(String path) {
        this.documentPath = path;
        return this;
    }

    /** Headers for every request, asked for each one (e.g. a fresh token). Not needed with {@code @TestSecurity}. */
    public OpenApiBadInputWalk headers(Supplier<Map<String, String>> headers) {
        this.headers = headers;
        return this;
    }

    /** {@code Authorization: Bearer <token>} on every request. */
    public OpenApiBadInputWalk bearer(Supplier<String> token) {
        return headers(() -> Map.of("Authorization", "Bearer " + token.get()));
    }

    /** Walk only the paths that start with one of these prefixes (e.g. {@code /api/}). */
    public OpenApiBadInputWalk only(String... pathPrefixes) {
        prefixes.addAll(List.of(pathPrefixes));
        return this;
    }

    /** A real value for path parameter {@code name} in every operation. */
    public OpenApiBadInputWalk pathParam(String name, Object value) {
        return pathParam(GLOBAL, name, () -> value);
    }

    /**
     * A real value for path parameter {@code name} in the operations {@code scope} names: an operationId, a path
     * template ({@code /api/customers/{customerId}/certifications/{id}}, which also covers the paths below it), or
     * {@code "METHOD /path"}. The most specific scope wins. Asked once per case.
     */
    public OpenApiBadInputWalk pathParam(String scope, String name, Supplier<?> value) {
        pathParams.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** A valid JSON body (a map, record or JSON text) for the operations {@code scope} names; asked once per case. */
    public OpenApiBadInputWalk validBody(String scope, Supplier<?> body) {
        validBodies.put(scope, new Body(JSON_TYPE, body));
        return this;
    }

    /** A valid non-JSON body (e.g. a small CSV) for the operations {@code scope} names. */
    public OpenApiBadInputWalk validBody(String scope, String contentType, Supplier<byte[]> body) {
        validBodies.put(scope, new Body(contentType, body));
        return this;
    }

    /** Leave out the operations {@code scope} names; the reason is printed with the summary. */
    public OpenApiBadInputWalk skip(String scope, String reason) {
        skipped.put(scope, reason);
        return this;
    }

    /** Walk this DELETE operation fully although no throwaway path value was given for it. */
    public OpenApiBadInputWalk allowDelete(String operationId) {
        deletable.add(operationId);
        return this;
    }

    /**
     * A fault someone else is fixing: faults in the operations {@code scope} names whose text contains
     * {@code contains} (e.g. {@code "body "} or {@code "query dryRun"}) are listed as known in the report and do
     * not fail the walk. A known fault that no longer occurs is pointed out, so the entry can go.
     */
    public OpenApiBadInputWalk knownFault(String scope, String contains, String why) {
        known.add(new Known(scope, contains, why));
        return this;
    }

    private record Known(String scope, String contains, String why) {
    }

    /** How long one answer may take, default 30 s. */
    public OpenApiBadInputWalk timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Runs the walk and fails with every fault found, if any. */
    public Result assertNoFaults() {
        Result result = run();
        if (!result.faults().isEmpty()) {
            throw new AssertionError(result.report());
        }
        return result;
    }

    /** What a walk did and found. */
    public record Result(String title, int operations, int cases, Duration took, List<String> faults,
            List<String> knownFaults, List<String> notes, Map<String, Duration> timings) {

        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT,
                    "OpenAPI bad-input walk of %s: %d operations, %d cases in %.1f s, %d faults, %d known faults%n",
                    title, operations, cases, took.toMillis() / 1000.0, faults.size(), knownFaults.size()));
            timings.entrySet().stream().sorted(Map.Entry.<String, Duration> comparingByValue().reversed()).limit(5)
                    .forEach(t -> out.append(String.format(Locale.ROOT, "  slowest: %.1f s %s%n",
                            t.getValue().toMillis() / 1000.0, t.getKey())));
            for (String note : notes) {
                out.append("  note: ").append(note).append('\n');
            }
            for (int i = 0; i < faults.size(); i++) {
                out.append(String.format(Locale.ROOT, "%n%3d. %s", i + 1, faults.get(i)));
            }
            if (!knownFaults.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%n%nKnown faults (not failing the walk):"));
                for (int i = 0; i < knownFaults.size(); i++) {
                    out.append(String.format(Locale.ROOT, "%n%3d. %s", i + 1, knownFaults.get(i)));
                }
            }
            return out.toString();
        }
    }

    /** Walks the document and returns what it found, without failing. */
    public Result run() {
        long start = System.nanoTime();
        trace.clear();
        JsonNode document = fetchDocument();
        schemas = new OpenApiSchemas(document);
        String title = document.path("info").path("title").asText("the service");
        List<String> faults = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Operation> operations = operations(document);
        Map<String, Duration> timings = new LinkedHashMap<>();
        int cases = 0;
        int walked = 0;
        for (Operation op : operations) {
            String skip = skipReason(op);
            if (skip != null) {
                notes.add(op + " skipped: " + skip);
                continue;
            }
            walked++;
            long opStart = System.nanoTime();
            List<Case> opCases = cases(op, notes);
            for (Case c : opCases) {
                send(op, c, faults);
            }
            cases += opCases.size();
            timings.put(op.toString() + ", " + opCases.size() + " cases", Duration.ofNanos(System.nanoTime() - opStart));
        }
        // the service still answers after all that
        try {
            request().get(documentPath).then().statusCode(200);
        } catch (AssertionError | RuntimeException e) {
            faults.add("the service no longer serves its OpenAPI document after the walk: " + e.getMessage());
        }
        List<String> knownFaults = new ArrayList<>();
        Map<Known, Integer> seen = new LinkedHashMap<>();
        known.forEach(k -> seen.put(k, 0));
        for (Iterator<String> it = faults.iterator(); it.hasNext();) {
            String fault = it.next();
            for (Known k : known) {
                if (fault.contains(k.contains()) && operations.stream()
                        .anyMatch(op -> specificity(k.scope(), op) > 0 && fault.contains("] " + op + " — "))) {
                    knownFaults.add(fault + "\n     known: " + k.why());
                    seen.merge(k, 1, Integer::sum);
                    it.remove();
                    break;
                }
            }
        }
        seen.forEach((k, count) -> {
            if (count == 0) {
                notes.add("the known fault \"" + k.why() + "\" (" + k.scope() + ", " + k.contains()
                        + ") no longer occurs: remove its knownFault entry");
            }
        });
        Result result = new Result(title, walked, cases, Duration.ofNanos(System.nanoTime() - start), faults,
                knownFaults, notes, timings);
        System.out.println(result.faults().isEmpty() ? summary(result) : firstLine(result.report()));
        save(title, document, result, trace);
        return result;
    }

    // ---------------------------------------------------------------- the document

    private record Param(String name, String in, boolean required, JsonNode schema) {
    }

    private record Operation(String method, String path, String id, List<Param> params, JsonNode requestBody) {
        @Override
        public String toString() {
            return method + " " + path + (id.isEmpty() ? "" : " (" + id + ")");
        }
    }

    private record Body(String contentType, Supplier<?> supplier) {
    }

    private JsonNode fetchDocument() {
        Response response = request().header("Accept", JSON_TYPE).get(documentPath);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + documentPath + " answered " + response.statusCode() + ": "
                    + excerpt(response.asString()));
        }
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON: " + e.getMessage(), e);
        }
    }

    private List<Operation> operations(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = entry.getKey();
            if (!prefixes.isEmpty() && prefixes.stream().noneMatch(path::startsWith)) {
                continue;
            }
            JsonNode item = ref(document, entry.getValue());
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = item.path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                Map<String, Param> params = new LinkedHashMap<>();
                for (JsonNode source : List.of(item.path("parameters"), op.path("parameters"))) {
                    for (JsonNode p : source) {
                        JsonNode param = ref(document, p);
                        String in = param.path("in").asText();
                        params.put(in + ":" + param.path("name").asText(), new Param(param.path("name").asText(), in,
                                param.path("required").asBoolean(in.equals("path")), param.path("schema")));
                    }
                }
                JsonNode body = op.has("requestBody") ? ref(document, op.get("requestBody")) : null;
                out.add(new Operation(method.toUpperCase(Locale.ROOT), path, op.path("operationId").asText(""),
                        List.copyOf(params.values()), body));
            }
        }
        return out;
    }

    private static JsonNode ref(JsonNode document, JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    // ---------------------------------------------------------------- scopes

    private int specificity(String scope, Operation op) {
        if (scope.equals(GLOBAL)) {
            return 0;
        }
        if (scope.equals(op.id())) {
            return Integer.MAX_VALUE;
        }
        if (scope.equals(op.method() + " " + op.path())) {
            return Integer.MAX_VALUE - 1;
        }
        if (scope.startsWith("/") && (op.path().equals(scope) || op.path().startsWith(scope + "/"))) {
            return scope.length();
        }
        return -1;
    }

    private Supplier<?> pathValue(Operation op, String name) {
        Supplier<?> best = null;
        int bestScore = -1;
        for (Map.Entry<String, Map<String, Supplier<?>>> scope : pathParams.entrySet()) {
            int score = specificity(scope.getKey(), op);
            if (score > bestScore && scope.getValue().containsKey(name)) {
                best = scope.getValue().get(name);
                bestScore = score;
            }
        }
        return best;
    }

    private Body validBody(Operation op) {
        Body best = null;
        int bestScore = -1;
        for (Map.Entry<String, Body> scope : validBodies.entrySet()) {
            int score = specificity(scope.getKey(), op);
            if (score > bestScore) {
                best = scope.getValue();
                bestScore = score;
            }
        }
        return best;
    }

    private String skipReason(Operation op) {
        for (Map.Entry<String, String> scope : skipped.entrySet()) {
            if (specificity(scope.getKey(), op) > 0) {
                return scope.getValue();
            }
        }
        return null;
    }

    /** A DELETE reaches real data only when the test named the operation. */
    private boolean mayReachData(Operation op) {
        if (!op.method().equals("DELETE") || deletable.contains(op.id())) {
            return true;
        }
        return pathParams.containsKey(op.id());
    }

    // ---------------------------------------------------------------- cases

    /** One request. {@code url} and {@code body} are made when it is sent, so suppliers run once per case. */
    private record Case(String kind, String label, String field, boolean breaks, boolean addressExists,
            Map<String, String> pathOverride, Map<String, String> queryOverride, BodyMaker body) {
    }

    /** Makes the body of a case: its bytes and content type (both null: no body at all). */
    private interface BodyMaker {
        Sent make();
    }

    private record Sent(String contentType, byte[] bytes) {
    }

    private record Raw(String encoded, String decoded, String label) {
    }

    private static final List<Raw> PATH_VALUES = List.of(
            new Raw("abc", "abc", "a word"),
            new Raw("1.5", "1.5", "a fraction"),
            new Raw("-1", "-1", "a negative number"),
            new Raw("0", "0", "zero"),
            new Raw("99999999999999999999", "99999999999999999999", "a number beyond int64"),
            new Raw("%00", "\u0000", "NUL"),
            new Raw("%ED%A0%80", "\uFFFD", "a lone surrogate (U+D800 as UTF-8)"));

    private static final String LONG_3K = "x".repeat(3_000);
    private static final String LONG_10K = "x".repeat(10_000);

    private static final List<Raw> QUERY_VALUES = List.of(
            new Raw("abc", "abc", "a word"),
            new Raw("1.5", "1.5", "a fraction"),
            new Raw("-1", "-1", "a negative number"),
            new Raw("99999999999999999999", "99999999999999999999", "a number beyond int64"),
            new Raw("", "", "an empty value"),
            new Raw("a%00b", "a\u0000b", "NUL inside"),
            new Raw(LONG_3K, LONG_3K, "a long string (3,000 characters)"),
            new Raw(LONG_10K, LONG_10K, "an oversized string (10,000 characters)"),
            new Raw("%ED%A0%80", "\uFFFD", "a lone surrogate (U+D800 as UTF-8)"),
            new Raw("%C0%80", "\uFFFD", "an overlong UTF-8 NUL (C0 80)"),
            new Raw("%E2%80%AEabc", "\u202Eabc", "a right-to-left override"),
            new Raw("%F0%9F%98%80", "\uD83D\uDE00", "an emoji"));

    private static final Raw UNKNOWN_ENUM_QUERY = new Raw("NOT_A_VALUE", "NOT_A_VALUE", "an unknown enum value");

    private record Wrong(JsonNode value, String label) {
    }

    private static final List<Wrong> WRONG_TYPES = List.of(
            new Wrong(NODES.textNode("abc"), "a string"),
            new Wrong(NODES.numberNode(1), "a number (1)"),
            new Wrong(NODES.numberNode(new BigDecimal("1.5")), "a fraction (1.5)"),
            new Wrong(NODES.numberNode(new BigInteger("99999999999999999999")), "a number beyond int64"),
            new Wrong(NODES.booleanNode(true), "a boolean"),
            new Wrong(NODES.objectNode().put("x", 1), "an object"),
            new Wrong(NODES.arrayNode().add("x"), "an array"));

    private static final List<Wrong> ODD_STRINGS = List.of(
            new Wrong(NODES.textNode("x".repeat(100_000)), "an oversized string (100,000 characters)"),
            new Wrong(NODES.textNode("a\u0000b"), "NUL inside a string"),
            new Wrong(NODES.textNode("a\uD800b"), "a lone surrogate (\\ud800)"),
            new Wrong(NODES.textNode("\u202Eabc"), "a right-to-left override"),
            new Wrong(NODES.textNode("\uD83D\uDE00"), "an emoji"));

    private List<Case> cases(Operation op, List<String> notes) {
        List<Case> out = new ArrayList<>();
        List<Param> pathParamsOf = op.params().stream().filter(p -> p.in().equals("path")).toList();
        List<String> unsupplied = pathParamsOf.stream().filter(p -> pathValue(op, p.name()) == null).map(Param::name)
                .toList();
        if (!unsupplied.isEmpty()) {
            notes.add(op + ": no real value for " + unsupplied + "; a sample is used, so its other cases may only reach a 404");
        }
        boolean addressExists = unsupplied.isEmpty();
        BodyMaker baselineBody = baselineBody(op);

        for (Param p : pathParamsOf) {
            JsonNode schema = schemas.resolve(p.schema());
            for (Raw raw : PATH_VALUES) {
                out.add(new Case("path", p.name() + " = " + show(raw), p.name(),
                        !schemas.conforms(typed(raw.decoded(), schema), schema), false,
                        Map.of(p.name(), raw.encoded()), Map.of(), baselineBody));
            }
        }
        if (!mayReachData(op)) {
            notes.add(op + ": only malformed paths (a DELETE; name it with pathParam(operationId, …) or allowDelete)");
            return out;
        }
        for (Param p : op.params()) {
            if (!p.in().equals("query")) {
                continue;
            }
            JsonNode schema = schemas.resolve(p.schema());
            List<Raw> values = new ArrayList<>(QUERY_VALUES);
            JsonNode itemSchema = "array".equals(OpenApiSchemas.mainType(schema)) ? schemas.resolve(schema.path("items")) : schema;
            if (itemSchema.has("enum")) {
                values.add(UNKNOWN_ENUM_QUERY);
            }
            for (Raw raw : values) {
                boolean breaks = !raw.decoded().isEmpty() && !schemas.conforms(typed(raw.decoded(), schema), schema);
                out.add(new Case("query", p.name() + " = " + show(raw), p.name(), breaks, addressExists, Map.of(),
                        Map.of(p.name(), raw.encoded()), baselineBody));
            }
        }
        // whatever the operation declares
        out.add(new Case("query", "an undeclared parameter (NUL and 3,000 characters)", null, false, addressExists,
                Map.of(), Map.of(UNDECLARED, "a%00" + LONG_3K), baselineBody));
        if (op.requestBody() == null) {
            byte[] truncated = "{\"".getBytes(StandardCharsets.UTF_8);
            out.add(new Case("body", "an undeclared, truncated JSON body", null, false, addressExists, Map.of(),
                    Map.of(), () -> new Sent(JSON_TYPE, truncated)));
        } else {
            bodyCases(op, addressExists, out);
        }
        return out;
    }

    private static final String UNDECLARED = "walkUndeclared";

    private void bodyCases(Operation op, boolean addressExists, List<Case> out) {
        boolean required = op.requestBody().path("required").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> contents = op.requestBody().path("content").fields();
        while (contents.hasNext()) {
            Map.Entry<String, JsonNode> content = contents.next();
            String type = content.getKey();
            if (isJson(type)) {
                jsonBodyCases(op, type, schemas.resolve(content.getValue().path("schema")), required, addressExists, out);
            } else {
                byte[] random = new byte[4096];
                new Random(20260110L).nextBytes(random);
                String sentType = type.startsWith("multipart/") ? type + "; boundary=certcare-walk" : type;
                out.add(new Case("body", "empty " + type + " body", null, false, addressExists, Map.of(), Map.of(),
                        () -> new Sent(sentType, new byte[0])));
                out.add(new Case("body", "4 KiB of random bytes as " + type, null, false, addressExists, Map.of(),
                        Map.of(), () -> new Sent(sentType, random)));
            }
        }
    }

    private void jsonBodyCases(Operation op, String type, JsonNode schema, boolean required, boolean addressExists,
            List<Case> out) {
        String main = OpenApiSchemas.mainType(schema);
        record Whole(String label, String text, boolean breaks, String field) {
        }
        List<Whole> wholes = List.of(
                new Whole("empty body", "", required, "body"),
                new Whole("null", "null", !schemas.conforms(NODES.nullNode(), schema), "body"),
                new Whole("{}", "{}", !schemas.conforms(NODES.objectNode(), schema), null),
                new Whole("[]", "[]", !schemas.conforms(NODES.arrayNode(), schema), null),
                new Whole("\"x\"", "\"x\"", !schemas.conforms(NODES.textNode("x"), schema), null),
                new Whole("truncated JSON", "{\"", true, null),
                new Whole("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000),
                        !"array".equals(main) && main != null, null),
                new Whole("10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                        !"object".equals(main) && main != null, null));
        out.add(new Case("body", "no body", "body", required, addressExists, Map.of(), Map.of(), () -> new Sent(null, null)));
        if (!op.requestBody().path("content").has("text/plain")) {
            out.add(new Case("body", "a valid body sent as text/plain", null, true, addressExists, Map.of(), Map.of(),
                    () -> new Sent("text/plain", write(baselineJson(op, schema)))));
        }
        for (Whole whole : wholes) {
            byte[] bytes = whole.text().getBytes(StandardCharsets.UTF_8);
            out.add(new Case("body", whole.label(), whole.field(), whole.breaks(), addressExists, Map.of(), Map.of(),
                    () -> new Sent(type, bytes)));
        }
        List<Mutation> mutations = new ArrayList<>();
        if ("object".equals(main)) {
            properties(List.of(), "", schema, 0, mutations);
        } else if ("array".equals(main) && schema.has("items")) {
            JsonNode items = schemas.resolve(schema.get("items"));
            value(List.of(new Step(0, items)), "[0]", items, false, false, 0, mutations);
        }
        for (Mutation m : mutations) {
            out.add(new Case("body", m.field() + ": " + m.label(), m.field(), m.breaks(), addressExists, Map.of(),
                    Map.of(), () -> new Sent(type, write(apply(baselineJson(op, schema), m)))));
        }
    }

    private record Step(Object key, JsonNode schema) {
    }

    /** Sets the value at {@code path} ({@code value} null: removes it). */
    private record Mutation(String field, String label, List<Step> path, JsonNode value, boolean breaks) {
    }

    private void properties(List<Step> at, String field, JsonNode schema, int depth, List<Mutation> out) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode propertySchema = schemas.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            List<Step> path = append(at, new Step(property.getKey(), propertySchema));
            String name = field.isEmpty() ? property.getKey() : field + "." + property.getKey();
            value(path, name, propertySchema, true, required.contains(property.getKey()), depth, out);
        }
    }

    private void value(List<Step> path, String field, JsonNode schema, boolean removable, boolean required, int depth,
            List<Mutation> out) {
        if (removable) {
            out.add(new Mutation(field, "missing" + (required ? " (required)" : ""), path, null, required));
        }
        for (Wrong wrong : WRONG_TYPES) {
            if (!schemas.conforms(wrong.value(), schema)) {
                boolean enumText = schema.has("enum") && wrong.value().isTextual();
                out.add(new Mutation(field, enumText ? "an unknown enum value" : wrong.label(), path,
                        enumText ? NODES.textNode("NOT_A_VALUE") : wrong.value(), true));
            }
        }
        Set<String> types = OpenApiSchemas.types(schema);
        if (types.contains("string")) {
            String format = schema.path("format").asText("");
            if (format.equals("date") || format.equals("date-time")) {
                JsonNode impossible = NODES.textNode(format.equals("date") ? "2026-13-45" : "2026-13-45T99:00:00Z");
                out.add(new Mutation(field, "an impossible " + format, path, impossible, !schemas.conforms(impossible, schema)));
            }
            for (Wrong odd : ODD_STRINGS) {
                out.add(new Mutation(field, odd.label(), path, odd.value(), !schemas.conforms(odd.value(), schema)));
            }
        }
        if (depth >= 4) {
            return;
        }
        String main = OpenApiSchemas.mainType(schema);
        if ("object".equals(main)) {
            properties(path, field, schema, depth + 1, out);
        } else if ("array".equals(main) && schema.has("items")) {
            JsonNode items = schemas.resolve(schema.get("items"));
            value(append(path, new Step(0, items)), field + "[0]", items, false, false, depth + 1, out);
        }
    }

    private static List<Step> append(List<Step> path, Step step) {
        List<Step> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private JsonNode apply(JsonNode root, Mutation m) {
        JsonNode container = root;
        List<Step> path = m.path();
        for (int i = 0; i < path.size() - 1; i++) {
            Step step = path.get(i);
            JsonNode child = get(container, step.key());
            String childType = OpenApiSchemas.mainType(step.schema());
            if (child == null || !("object".equals(childType) ? child.isObject() : child.isArray())) {
                child = schemas.sample(step.schema());
                if ("array".equals(childType) && !child.isArray()) {
                    child = NODES.arrayNode();
                }
                put(container, step.key(), child);
            }
            if (child.isArray() && child.size() == 0 && path.get(i + 1).key() instanceof Integer) {
                ((ArrayNode) child).add(schemas.sample(path.get(i + 1).schema()));
            }
            container = child;
        }
        Step last = path.get(path.size() - 1);
        if (m.value() == null) {
            if (container instanceof ObjectNode object) {
                object.remove((String) last.key());
            }
        } else {
            put(container, last.key(), m.value().deepCopy());
        }
        return root;
    }

    private static JsonNode get(JsonNode container, Object key) {
        JsonNode child = key instanceof Integer index ? container.get(index) : container.get((String) key);
        return child == null || child.isNull() ? null : child;
    }

    private static void put(JsonNode container, Object key, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set((String) key, value);
        } else if (container instanceof ArrayNode array) {
            int index = (Integer) key;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        }
    }

    // ---------------------------------------------------------------- baselines

    private BodyMaker baselineBody(Operation op) {
        if (op.requestBody() == null) {
            return () -> new Sent(null, null);
        }
        Body supplied = validBody(op);
        JsonNode content = op.requestBody().path("content");
        if (supplied != null && !isJson(supplied.contentType())) {
            return () -> new Sent(supplied.contentType(), (byte[]) supplied.supplier().get());
        }
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            if (isJson(type.getKey())) {
                JsonNode schema = schemas.resolve(type.getValue().path("schema"));
                return () -> new Sent(type.getKey(), write(baselineJson(op, schema)));
            }
        }
        String first = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/octet-stream";
        return () -> new Sent(first, new byte[0]);
    }

    private JsonNode baselineJson(Operation op, JsonNode schema) {
        Body supplied = validBody(op);
        if (supplied == null || !isJson(supplied.contentType())) {
            return schemas.sample(schema);
        }
        Object body = supplied.supplier().get();
        try {
            return body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the valid body for " + op + " is not JSON", e);
        }
    }

    /** A query or path value as the schema would see it: a number where the text is one, else the text. */
    private static JsonNode typed(String decoded, JsonNode schema) {
        String type = OpenApiSchemas.mainType(schema);
        if (type == null) {
            return NODES.textNode(decoded);
        }
        switch (type) {
            case "integer":
                return decoded.matches("-?\\d+") ? NODES.numberNode(new BigInteger(decoded)) : NODES.textNode(decoded);
            case "number":
                return decoded.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?") ? NODES.numberNode(new BigDecimal(decoded))
                        : NODES.textNode(decoded);
            case "boolean":
                return decoded.equals("true") || decoded.equals("false") ? NODES.booleanNode(Boolean.parseBoolean(decoded))
                        : NODES.textNode(decoded);
            case "array":
                return NODES.arrayNode().add(typed(decoded, schema.path("items")));
            default:
                return NODES.textNode(decoded);
        }
    }

    // ---------------------------------------------------------------- sending and judging

    private RequestSpecification request() {
        RestAssuredConfig config = RestAssured.config()
                .httpClient(RestAssured.config().getHttpClientConfig()
                        .setParam("http.connection.timeout", (int) timeout.toMillis())
                        .setParam("http.socket.timeout", (int) timeout.toMillis()))
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        RequestSpecification spec = RestAssured.given().config(config).urlEncodingEnabled(false);
        if (baseUri != null) {
            spec.baseUri(baseUri);
        }
        headers.get().forEach(spec::header);
        return spec;
    }

    private void send(Operation op, Case c, List<String> faults) {
        String url;
        Sent body;
        try {
            url = url(op, c);
            body = c.body().make();
        } catch (RuntimeException e) {
            faults.add(op + " — " + c.kind() + " " + c.label() + ": could not prepare the request: " + e);
            return;
        }
        String request = describe(op.method(), url, body);
        RequestSpecification spec = request().header("Accept-Language", "en");
        if (body.bytes() != null) {
            spec.contentType(body.contentType()).body(body.bytes());
        }
        Response response;
        try {
            response = spec.request(op.method(), url);
        } catch (RuntimeException e) {
            trace.add("--- no answer " + op + " — " + c.kind() + " " + c.label());
            faults.add(fault(op, c, "no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", null, request));
            return;
        }
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        trace.add(status + (c.breaks() ? " breaks " : " allowed ") + op + " — " + c.kind() + " " + c.label() + " → "
                + excerpt(response.asString()).replaceAll("^(.{0,160}).*", "$1"));
        if (status >= 500) {
            faults.add(fault(op, c, "server error", response, request));
        } else if (c.breaks() && status / 100 == 2) {
            faults.add(fault(op, c, "accepted input that breaks the declared schema", response, request));
        }
        if (status >= 400 && status < 500 && !type.startsWith(PROBLEM_TYPE) && !HTTP_LAYER.contains(status)) {
            faults.add(fault(op, c, "4xx without application/problem+json", response, request));
        }
        if (c.breaks() && c.addressExists() && status == 404) {
            faults.add(fault(op, c, "404 for a bad " + c.kind() + " value although the address exists", response, request));
        }
        if (c.breaks() && status == 400 && c.field() != null && type.startsWith(PROBLEM_TYPE)
                && !namesField(response, c.field())) {
            faults.add(fault(op, c, "the 400 does not name the field " + c.field(), response, request));
        }
    }

    private static boolean namesField(Response response, String field) {
        try {
            JsonNode problem = JSON.readTree(response.asByteArray());
            for (JsonNode error : problem.path("errors")) {
                String named = error.path("field").asText("");
                if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private String url(Operation op, Case c) {
        String path = op.path();
        for (Param p : op.params()) {
            if (!p.in().equals("path")) {
                continue;
            }
            String value = c.pathOverride().get(p.name());
            if (value == null) {
                Supplier<?> supplied = pathValue(op, p.name());
                value = encode(String.valueOf(supplied != null ? supplied.get()
                        : schemas.sample(p.schema()).asText()));
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (Param p : op.params()) {
            if (!p.in().equals("query")) {
                continue;
            }
            String value = c.queryOverride().get(p.name());
            if (value == null && p.required()) {
                JsonNode sample = schemas.sample(p.schema());
                value = encode(sample.isArray() && sample.size() > 0 ? sample.get(0).asText() : sample.asText());
            }
            if (value != null) {
                query.append(query.length() == 0 ? '?' : '&').append(encode(p.name())).append('=').append(value);
            }
        }
        if (c.queryOverride().containsKey(UNDECLARED)) {
            query.append(query.length() == 0 ? '?' : '&').append(UNDECLARED).append('=')
                    .append(c.queryOverride().get(UNDECLARED));
        }
        return path + query;
    }

    /** Percent-encodes everything but the unreserved characters of RFC 3986, as UTF-8. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] write(JsonNode node) {
        try {
            return ESCAPING.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(JSON_TYPE) || (type.startsWith("application/") && type.contains("+json"));
    }

    private static String show(Raw raw) {
        return raw.encoded().length() > 40 ? raw.label() : "\"" + raw.encoded() + "\" (" + raw.label() + ")";
    }

    private static String fault(Operation op, Case c, String what, Response response, String request) {
        StringBuilder out = new StringBuilder();
        out.append('[').append(what).append("] ").append(op).append(" — ").append(c.kind()).append(' ').append(c.label());
        if (response != null) {
            out.append("\n     → ").append(response.statusCode()).append(' ')
                    .append(response.contentType() == null || response.contentType().isEmpty() ? "(no content type)"
                            : response.contentType())
                    .append(' ').append(excerpt(response.asString()));
        }
        out.append("\n     request: ").append(request);
        return out.toString();
    }

    private static String describe(String method, String url, Sent body) {
        StringBuilder out = new StringBuilder(method).append(' ').append(shorten(url, 240));
        if (body.bytes() == null) {
            out.append(" (no body)");
        } else {
            out.append(" [").append(body.contentType()).append(", ").append(body.bytes().length).append(" bytes] ");
            String text = new String(body.bytes(), StandardCharsets.UTF_8);
            out.append(isJson(body.contentType()) ? shorten(text, 400) : shorten(text.replaceAll("[^\\x20-\\x7e]", "."), 80));
        }
        return out.toString();
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max * 2 / 3) + "…(" + text.length() + " chars)…" + text.substring(text.length() - max / 4);
    }

    private static String excerpt(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }

    /** The report without the known faults' details: their count is in the first line. */
    private static String summary(Result result) {
        String report = result.report();
        int known = report.indexOf("\n\nKnown faults");
        return known < 0 ? report : report.substring(0, known);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The document, the report and every case with its status under target/openapi-walk/, to read after a run. */
    private static void save(String title, JsonNode document, Result result, List<String> trace) {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return;
        }
        String name = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        try {
            Path dir = Files.createDirectories(target.resolve("openapi-walk"));
            Files.write(dir.resolve(name + ".openapi.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            Files.writeString(dir.resolve(name + ".report.txt"), result.report());
            Files.write(dir.resolve(name + ".cases.txt"), trace);
        } catch (IOException e) {
            System.err.println("OpenApiBadInputWalk: could not save the report: " + e.getMessage());
        }
    }
}
