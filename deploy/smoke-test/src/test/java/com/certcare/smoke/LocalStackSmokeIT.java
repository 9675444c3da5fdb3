package com.certcare.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack as a user gets it: {@code deploy/local/run.sh} starts everything, real Keycloak
 * issues the tokens, the gateway routes, each service decides by role. Afterwards {@code run.sh stop}
 * must leave none of the processes it started.
 */
class LocalStackSmokeIT {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String WEB_APP = "http://localhost:5173";
    private static final String TOKEN_URL = "http://localhost:8180/realms/certification/protocol/openid-connect/token";
    private static final List<String> USERS = List.of("market", "department", "leader", "auditor", "admin");

    /** Which demo role may call which service's ping (the services' @RolesAllowed). */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();
    static {
        ALLOWED.put("/api/customers/ping", Set.of("market", "leader", "auditor", "admin"));
        ALLOWED.put("/api/applications/ping", Set.of("market", "leader", "admin"));
        ALLOWED.put("/api/feedback/ping", Set.of("market", "department", "leader", "admin"));
        ALLOWED.put("/api/surveys/ping", Set.of("market", "leader", "auditor", "admin"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path root;
    private static boolean startedHere;
    private static final Map<String, Long> startedPids = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        root = Path.of(System.getProperty("certcare.root", "../..")).toAbsolutePath().normalize();
        startedHere = !runningAlready();
        int exit = runScript(Duration.ofMinutes(8));
        assertEquals(0, exit, "deploy/local/run.sh failed; see target/run-sh.log and .local/logs/");
        try (var pids = Files.list(root.resolve(".local/pids"))) {
            for (Path file : pids.toList()) {
                startedPids.put(file.getFileName().toString().replace(".pid", ""),
                        Long.parseLong(Files.readString(file).trim()));
            }
        }
    }

    @Test
    void eachDemoUserReachesExactlyTheServicesItsRoleAllows() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            String token = passwordToken(user);
            for (Map.Entry<String, Set<String>> ping : ALLOWED.entrySet()) {
                HttpResponse<String> response = get(ping.getKey(), token);
                int expected = ping.getValue().contains(user) ? 200 : 403;
                if (response.statusCode() != expected) {
                    wrong.add(user + " " + ping.getKey() + ": " + response.statusCode() + " (expected " + expected + ")");
                } else if (expected == 200 && !response.body().contains("\"user\":\"" + user + "\"")) {
                    wrong.add(user + " " + ping.getKey() + ": body does not name the user: " + response.body());
                } else if (expected == 403 && !response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    wrong.add(user + " " + ping.getKey() + ": 403 is not problem+json");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anotherDepartmentsSystemPostsWithItsClientCredentials() throws Exception {
        String token = token("grant_type=client_credentials&client_id=certcare-department-system"
                + "&client_secret=department-system-secret-local-only");
        assertEquals(200, get("/api/feedback/ping", token).statusCode());
        assertEquals(403, get("/api/customers/ping", token).statusCode());
    }

    @Test
    void noTokenOrAForgedOneIsUnauthorizedEverywhere() throws Exception {
        String real = passwordToken("admin");
        String[] parts = real.split("\\.");
        // same header and signature, payload claiming to be someone else
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"x\",\"preferred_username\":\"mallory\",\"realm_access\":{\"roles\":[\"admin\"]}}"
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        for (String path : ALLOWED.keySet()) {
            assertEquals(401, get(path, null).statusCode(), path + " without token");
            assertEquals(401, get(path, forged).statusCode(), path + " with forged token");
            assertEquals(401, get(path, "not-a-jwt").statusCode(), path + " with garbage token");
        }
    }

    /**
     * Clause 4.1 across the services, through the gateway and the real broker: an application entered by market,
     * reviewed and accepted, its contract drawn up, sent and signed — and customer-service then has the customer with
     * a CONTRACTED certification, from ContractSigned.
     */
    @Test
    void aSignedContractRegistersTheCustomerInCustomerService() throws Exception {
        String token = passwordToken("market");
        String name = "冒烟测试精密机械有限公司" + System.currentTimeMillis();
        String code = creditCode(System.nanoTime());
        String form = "{\"name\":\"" + name + "\",\"creditCode\":\"" + code + "\",\"legalRepresentative\":\"张三\","
                + "\"address\":\"江苏省苏州市工业园区示例路1号\",\"provinceCode\":\"320000\",\"city\":\"苏州\","
                + "\"postalCode\":\"215000\",\"contactName\":\"李四\",\"contactPhone\":\"13800138000\","
                + "\"contactEmail\":\"li@example.cn\",\"schemes\":[\"QMS\"],\"scope\":\"精密零部件的加工\","
                + "\"sites\":[{\"address\":\"苏州工业园区示例路1号\",\"activity\":\"加工\",\"headCount\":60}],"
                + "\"headCount\":60,\"shifts\":1,\"consultancyUsed\":false,\"language\":\"中文\"}";
        HttpResponse<String> created = send("POST", "/api/applications", token, "application/json", form);
        assertEquals(201, created.statusCode(), created.body());
        String application = "/api/applications/" + number(created.body(), "id");

        String boundary = "certcare-smoke-" + System.nanoTime();
        String licence = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"BUSINESS_LICENCE\"; filename=\"licence.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + licence + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> attached = send("POST", application + "/attachments", token,
                "multipart/form-data; boundary=" + boundary, multipart);
        assertEquals(200, attached.statusCode(), attached.body());
        step(application, "submit", token, "");
        step(application, "start-review", token, "");
        String review = "{\"informationSufficient\":true,\"scopeWithinAccreditation\":true,\"competenceAvailable\":true,"
                + "\"sitesCovered\":true,\"languageCovered\":true,\"safetyConsidered\":true,\"impartialityNoConflict\":true,"
                + "\"auditDays\":3,\"version\":" + version(application, token) + "}";
        HttpResponse<String> reviewed = send("PUT", application + "/review", token, "application/json", review);
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        step(application, "accept", token, ",\"reasons\":\"资料齐全\"");

        HttpResponse<String> drafted = send("POST", "/api/contracts", token, "application/json",
                "{\"applicationId\":" + number(created.body(), "id") + "}");
        assertEquals(201, drafted.statusCode(), drafted.body());
        String contract = "/api/contracts/" + number(drafted.body(), "id");
        String terms = "{\"name\":\"" + name + "\",\"creditCode\":\"" + code + "\",\"legalRepresentative\":\"张三\","
                + "\"address\":\"江苏省苏州市工业园区示例路1号\",\"provinceCode\":\"320000\",\"city\":\"苏州\","
                + "\"postalCode\":\"215000\",\"contactName\":\"李四\",\"contactPhone\":\"13800138000\","
                + "\"scope\":\"精密零部件的加工\",\"initialAuditFee\":\"18000.00\",\"surveillanceFee\":\"9000.00\","
                + "\"paymentTerms\":\"签约后 10 个工作日内支付\",\"version\":" + version(contract, token) + "}";
        HttpResponse<String> agreed = send("PUT", contract, token, "application/json", terms);
        assertEquals(200, agreed.statusCode(), agreed.body());
        step(contract, "send", token, "");
        step(contract, "sign", token, ",\"signedOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"");
        String contractNo = string(drafted.body(), "number");

        String found = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            found = get("/api/customers?q=" + URLEncoder.encode(code, StandardCharsets.UTF_8), token).body();
            if (found.contains("\"CONTRACTED\"")) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(found.contains(name) && found.contains("\"CONTRACTED\"") && found.contains(contractNo),
                "customer-service has the customer with a CONTRACTED certification under " + contractNo + ": " + found);
    }

    @Test
    void publicDocumentsNeedNoTokenAndTheLibraryGoesByRole() throws Exception {
        HttpResponse<String> published = get("/api/public/documents", null);
        assertEquals(200, published.statusCode(), published.body());
        assertTrue(published.body().startsWith("["), published.body());
        assertEquals(401, get("/api/documents", null).statusCode(), "the staff library without a token");
        for (String user : USERS) {
            int expected = user.equals("department") ? 403 : 200;
            assertEquals(expected, get("/api/documents", passwordToken(user)).statusCode(), user + " GET /api/documents");
        }
        assertEquals(200, webApp("/public/documents", null).statusCode(), "the public documents page is served");
    }

    @Test
    void gatewayIsReadyAndServesEveryOpenApiDocument() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:9080/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        // health and metrics are on the local management port only, never through the public one
        for (String internal : List.of("/q/health", "/q/metrics", "/q/openapi", "/q/dev-ui")) {
            assertEquals(404, get(internal, null).statusCode(), internal + " through the gateway");
        }
        for (String service : List.of("customer", "application-contract", "feedback", "survey")) {
            HttpResponse<String> doc = get("/openapi/" + service, null);
            assertEquals(200, doc.statusCode(), service);
            assertTrue(doc.body().contains("\"openapi\""), service + " OpenAPI document");
        }
    }

    @Test
    void webAppIsServedWithItsSettingsAndForwardsApiCallsToTheGateway() throws Exception {
        HttpResponse<String> page = webApp("/customers/42", null);
        assertEquals(200, page.statusCode(), "a deep link gets the SPA's index.html");
        assertTrue(page.body().contains("<div id=\"root\">"), page.body());
        HttpResponse<String> config = webApp("/config.json", null);
        assertEquals(200, config.statusCode());
        assertTrue(config.body().contains("\"clientId\": \"certcare-spa\""), config.body());
        HttpResponse<String> ping = webApp("/api/customers/ping", passwordToken("market"));
        assertEquals(200, ping.statusCode(), "the web app's /api goes to the gateway: " + ping.body());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (!startedHere) {
            System.out.println("The stack was running before this test; leaving it running.");
            return;
        }
        assertEquals(0, runScript(Duration.ofMinutes(2), "stop"), "run.sh stop failed");
        List<String> left = startedPids.entrySet().stream()
                .filter(e -> isRunning(e.getValue()))
                .map(e -> e.getKey() + " (pid " + e.getValue() + ")")
                .collect(Collectors.toCollection(ArrayList::new));
        for (int port : new int[] { 5173, 8080, 8081, 8082, 8083, 8084, 8180, 9092 }) {
            if (listening(port)) {
                left.add("something still listens on " + port);
            }
        }
        assertTrue(left.isEmpty(), "left running after stop: " + left);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static boolean runningAlready() throws Exception {
        return listening(8080) || listening(8180);
    }

    private static int runScript(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/local/run.sh").toString()));
        command.addAll(List.of(args));
        File log = new File("target/run-sh.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("CERTCARE_NO_BUILD", "1");
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        System.out.println(Files.readString(log.toPath()));
        return process.exitValue();
    }

    private static String passwordToken(String user) throws Exception {
        return token("grant_type=password&client_id=certcare-cli&username=" + user + "&password="
                + URLEncoder.encode(user + "-local", StandardCharsets.UTF_8));
    }

    private static String token(String form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "token request failed: " + response.body());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertTrue(m.find(), "no access_token in " + response.body());
        return m.group(1);
    }

    /** A valid unified social credit code (GB 32100 check character) from a seed, unique per run. */
    static String creditCode(long seed) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder first = new StringBuilder("91320500");
        long n = Math.abs(seed);
        for (int i = 0; i < 9; i++) {
            first.append(chars.charAt((int) (n % 31)));
            n /= 31;
        }
        int sum = 0;
        int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first.charAt(i)) * weights[i];
        }
        return first.toString() + chars.charAt((31 - sum % 31) % 31);
    }

    private static HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A transition with the version read just before; {@code more} adds fields (",\"reasons\":…"). */
    private static void step(String path, String step, String token, String more) throws Exception {
        HttpResponse<String> r = send("POST", path + "/" + step, token, "application/json",
                "{\"version\":" + version(path, token) + more + "}");
        assertEquals(200, r.statusCode(), step + ": " + r.body());
    }

    private static long version(String path, String token) throws Exception {
        HttpResponse<String> r = get(path, token);
        assertEquals(200, r.statusCode(), r.body());
        return number(r.body(), "version");
    }

    /** The first number-valued field of that name in a JSON text (the top level's comes first in these views). */
    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    private static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request to the web app's server as a browser sends it: HTTP/1.1 (Java's default first asks for an
     * h2c upgrade, which Node's server leaves unanswered), with a timeout.
     */
    private static HttpResponse<String> webApp(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WEB_APP + path))
                .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
