package com.certcare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(StubBackendResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class GatewayTest {

    @jakarta.inject.Inject
    com.certcare.gateway.front.FrontServer front;

    /** The public port is the gateway's own server's, not Quarkus's (which is off). */
    @org.junit.jupiter.api.BeforeEach
    void toThePublicPort() {
        io.restassured.RestAssured.port = front.port();
    }

    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;

    /** On Linux the gateway runs on Netty's epoll transport (the dependency and the setting must both be there). */
    @Test
    void runsOnTheNativeTransportOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        org.junit.jupiter.api.Assertions.assertTrue(vertx.isNativeTransportEnabled(),
                "native transport not in use: " + vertx.unavailableNativeTransportCause());
    }

    @Test
    void routesEachPrefixToItsServiceWithTheTokenPassedOn() {
        String token = Tokens.forUser("mei", "market");
        for (String path : new String[] { "/api/customers", "/api/customers/42/certifications?status=VALID",
                "/api/applications/7", "/api/contracts", "/api/documents/1", "/api/feedback/items" }) {
            given().auth().oauth2(token)
                    .when().get(path)
                    .then().statusCode(200)
                    .body("uri", equalTo(path))
                    .body("authorization", equalTo("Bearer " + token))
                    // a GET goes on as headers only, not as an empty chunked body the service must wait for
                    .body("transferEncoding", equalTo(""));
        }
    }

    @Test
    void passesMethodAndLanguageOn() {
        given().auth().oauth2(Tokens.forUser("mei", "market"))
                .header("Accept-Language", "en")
                .contentType("application/json").body("{}")
                .when().post("/api/customers")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("acceptLanguage", equalTo("en"))
                .body("contentLength", equalTo("2"))
                .body("bodyLength", equalTo(2));
    }

    @Test
    void aBodyLargerThanTheServiceTakesIsA413ProblemNotA502() {
        String token = Tokens.forUser("mei", "department");
        given().auth().oauth2(token).header("Accept-Language", "en").contentType("application/json")
                .body("{\"text\":\"" + "x".repeat(2000) + "\"}")
                .when().post("/api/feedback/items")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:certcare:problem:body-too-large"))
                .body("title", equalTo("Request body too large"));
        given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"short\"}")
                .when().post("/api/feedback/items")
                .then().statusCode(200).body("bodyLength", equalTo(16));
    }

    @Test
    void anAddressLongerThanTheLimitIsA414ProblemAndOneJustUnderGoesThrough() {
        String token = Tokens.forUser("mei", "market");
        for (int length : new int[] { 4001, 5000, 60000 }) {
            given().auth().oauth2(token).header("Accept-Language", "en")
                    .when().get("/api/customers?q=" + "x".repeat(length - "/api/customers?q=".length()))
                    .then().statusCode(414).contentType("application/problem+json")
                    .body("type", equalTo("urn:certcare:problem:uri-too-long"))
                    .body("title", equalTo("Address too long"));
        }
        // before the token is looked at, and on the public paths too; with CORS headers and a request id, so a browser
        // on the SPA's origin can read the problem
        given().header("Origin", "http://localhost:5173").when().get("/api/public/directory?q=" + "中".repeat(1500))
                .then().statusCode(414).body("title", equalTo("请求地址过长"))
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        String path = "/api/customers?q=" + "x".repeat(4000 - "/api/customers?q=".length());
        given().auth().oauth2(token).when().get(path).then().statusCode(200).body("uri", equalTo(path));
    }

    @Test
    void refusesApiCallsWithoutAValidTokenWithAProblem() {
        given().when().get("/api/customers").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:certcare:problem:unauthorized"))
                .body("title", equalTo("未登录"));
        given().auth().oauth2(Tokens.forged("mei", "market")).header("Accept-Language", "en")
                .when().get("/api/customers").then().statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Not signed in"));
    }

    @Test
    void letsPublicPathsThroughWithoutToken() {
        given().when().get("/api/public/directory?q=中澜")
                .then().statusCode(200)
                .body("authorization", equalTo(""));
        given().when().get("/api/public/documents").then().statusCode(200);
    }

    @Test
    void doesNotRouteLookAlikePrefixes() {
        given().auth().oauth2(Tokens.forUser("mei", "market"))
                .when().get("/api/customersX")
                .then().statusCode(404);
    }

    @Test
    void generatesARequestIdOrPassesTheCallersOn() {
        given().when().get("/api/public/directory")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "abc-123").when().get("/api/public/directory")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("abc-123"))
                .body("requestId", equalTo("abc-123"));
        given().header("X-Request-Id", "bad id with spaces").when().get("/api/public/directory")
                .then().statusCode(200)
                .body("requestId", not(equalTo("bad id with spaces")));
    }

    @Test
    void answersCorsPreflightForTheSpaOriginOnly() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/customers/1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        // the headers a browser on another origin must be allowed to send: a feedback post's idempotency key,
        // an applicant's secret
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,x-application-secret")
                .when().options("/api/feedback")
                .then().statusCode(200)
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("idempotency-key"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("x-application-secret"));
        given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .when().options("/api/customers/1")
                .then().header("Access-Control-Allow-Origin", emptyOrNullString());
    }

    @Test
    void servesEachServicesOpenApiDocument() {
        given().when().get("/openapi/customer")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("query", equalTo("format=json"));
    }

    @Test
    void answers502WhenAServiceIsDown() {
        given().auth().oauth2(Tokens.forUser("mei", "market"))
                .when().get("/api/surveys/ping")
                .then().statusCode(502);
    }

    @Test
    void readinessNamesEachServiceAndIsDownWhileOneIs() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'services' }.data.customer", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.survey", equalTo("UNREACHABLE"));
    }

    @Test
    void nothingUnderQIsServedOnThePublicPort() {
        for (String internal : java.util.List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().when().get(internal).then().statusCode(404);
        }
        Management.given().when().get("/q/metrics").then().statusCode(200);
    }

    @jakarta.inject.Inject
    com.certcare.platform.security.VerifiedTokens verifiedTokens;

    /**
     * Through the real OIDC path, the identity remembered for a verified token (built from its parts, without the
     * request that brought it) keeps what the provider gave: user, roles, the token's scopes as permissions. That
     * it no longer reaches the request is platform-security's RememberVerifiedTokensTest.
     */
    @Test
    void aVerifiedTokenIsRememberedWithItsUserRolesAndScopes() {
        String token = OidcWiremockTestResource.generateJwtToken("mei", java.util.Set.of("market"), "123456", "Bearer",
                java.util.Set.of("https://server.example.com"), java.util.Map.of("scope", "openid profile"));
        given().auth().oauth2(token).when().get("/api/customers").then().statusCode(200);

        io.quarkus.security.identity.SecurityIdentity remembered = verifiedTokens.lookup(token);
        org.junit.jupiter.api.Assertions.assertNotNull(remembered, "the verified token was not remembered");
        org.junit.jupiter.api.Assertions.assertEquals("mei", remembered.getPrincipal().getName());
        org.junit.jupiter.api.Assertions.assertTrue(remembered.hasRole("market"));
        org.junit.jupiter.api.Assertions.assertTrue(remembered.getAttributes().values().stream()
                .noneMatch(value -> value instanceof io.vertx.ext.web.RoutingContext), "the request is an attribute");
        org.junit.jupiter.api.Assertions.assertTrue(remembered
                .checkPermission(new io.quarkus.security.StringPermission("profile")).await().indefinitely());
        org.junit.jupiter.api.Assertions.assertFalse(remembered
                .checkPermission(new io.quarkus.security.StringPermission("admin")).await().indefinitely());
        // and the remembered identity answers the next request
        given().auth().oauth2(token).when().get("/api/customers").then().statusCode(200);
    }

    @Test
    void aSignedTokenOfTheRealmForAnotherAudienceIs401() {
        given().auth().oauth2(Tokens.forAudience("admin-cli", "mei", "market"))
                .when().get("/api/customers/ping").then().statusCode(401).contentType("application/problem+json");
    }

    /** A token no request brought before is verified (quarkus-oidc) while the body waits, then remembered. */
    @Test
    void aTokenNotSeenBeforeIsVerifiedWhileItsBodyWaitsThenRemembered() throws Exception {
        String fresh = Tokens.forUser("fresh-" + System.nanoTime(), "market");
        org.junit.jupiter.api.Assertions.assertNull(verifiedTokens.lookup(fresh));
        byte[] body = new byte[300_000];
        new java.util.Random(3).nextBytes(body);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        given().auth().oauth2(fresh).contentType("application/octet-stream").body(body)
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(200).body("bodyLength", equalTo(body.length)).body("bodySha256", equalTo(sha));
        org.junit.jupiter.api.Assertions.assertNotNull(verifiedTokens.lookup(fresh), "the verified token was not remembered");
    }

    @Test
    void aPageOfAnotherOriginIsRefusedAndOneOfTheGatewaysOwnIsNot() {
        given().header("Origin", "http://evil.example").auth().oauth2(Tokens.forUser("mei", "market"))
                .header("Accept-Language", "en")
                .when().get("/api/customers/1")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", emptyOrNullString())
                .body("type", equalTo("urn:certcare:problem:origin-not-allowed"))
                .body("title", equalTo("Origin not allowed"));
        given().header("Origin", "http://localhost:" + front.port()).when().get("/api/public/documents")
                .then().statusCode(200);
        // an allowed origin reads the answer and the headers it needs
        given().header("Origin", "http://127.0.0.1:4173").when().get("/api/public/documents")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:4173"))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("x-request-id"));
    }

    @Test
    void everyAnswerIsCountedByStatusAndNothingButTheApiIsServed() {
        double before = Management.answers("404");
        for (String path : java.util.List.of("/", "/index.html", "/openapi/nobody", "/q/health/live")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:certcare:problem:not-found"));
        }
        given().when().post("/openapi/customer").then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(before + 5, Management.answers("404"));
    }

    /**
     * Dot segments are resolved before the route is chosen, as the service will resolve them: a public prefix cannot
     * carry a request to a path that needs a token. Sent on a raw socket (HTTP clients resolve them themselves).
     */
    @Test
    void dotSegmentsAreResolvedBeforeTheRouteIsChosen() throws Exception {
        for (String path : java.util.List.of("/api/public/directory/../../customers/1",
                "/api/public/directory/%2e%2e/%2E%2E/customers/1", "/api/public/directory/./../../customers/1")) {
            String answer = RawHttp.get(front.port(), path);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 401"), path + " -> " + answer);
        }
        String answer = RawHttp.get(front.port(), "/api/public/directory/../../customers/1?x=1",
                "Authorization: Bearer " + Tokens.forUser("mei", "market"));
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"uri\":\"/api/customers/1?x=1\""), answer);
        // an absolute-form target goes on as path and query (the service never sees another host in it)
        String absolute = RawHttp.get(front.port(), "http://evil.example/api/customers/1?x=2",
                "Authorization: Bearer " + Tokens.forUser("mei", "market"));
        org.junit.jupiter.api.Assertions.assertTrue(absolute.contains("\"uri\":\"/api/customers/1?x=2\""), absolute);
        // an escape that is not one: a 400 problem, not a request left hanging
        for (String path : java.util.List.of("/api/customers/%zz", "/api/public/directory/%")) {
            String malformed = RawHttp.get(front.port(), path, "Accept-Language: en");
            org.junit.jupiter.api.Assertions.assertTrue(malformed.startsWith("HTTP/1.1 400"), path + " -> " + malformed);
            org.junit.jupiter.api.Assertions.assertTrue(malformed.contains("urn:certcare:problem:malformed-path"), malformed);
        }
        given().auth().oauth2(Tokens.forUser("mei", "market")).when().get("/api/customers/1").then().statusCode(200);
    }

    /**
     * The service is told who called: from a trusted proxy (loopback in tests, as nginx and the web app's server)
     * its X-Forwarded-* go on with its address added; from another address they are replaced, so a caller cannot
     * name another client or site.
     */
    @Test
    void forwardedHeadersAreTakenFromTrustedProxiesOnly() throws Exception {
        String token = "Authorization: Bearer " + Tokens.forUser("mei", "market");
        String[] claims = { token, "X-Forwarded-For: 203.0.113.5", "X-Forwarded-For: 198.51.100.7",
                "X-Forwarded-Host: site.example", "X-Forwarded-Proto: https", "Forwarded: for=203.0.113.5",
                "X-Forwarded-Ssl: on", "X-Forwarded-Server: proxy.example" };
        io.vertx.core.json.JsonObject viaProxy = echoed(RawHttp.get(front.port(), "/api/customers/1", claims));
        // both lines the proxy sent, then the proxy itself
        org.junit.jupiter.api.Assertions.assertEquals("203.0.113.5, 198.51.100.7, 127.0.0.1", viaProxy.getString("forwardedFor"));
        org.junit.jupiter.api.Assertions.assertEquals("site.example", viaProxy.getString("forwardedHost"));
        org.junit.jupiter.api.Assertions.assertEquals("https", viaProxy.getString("forwardedProto"));
        org.junit.jupiter.api.Assertions.assertEquals("on", viaProxy.getString("forwardedSsl"));
        org.junit.jupiter.api.Assertions.assertEquals("proxy.example", viaProxy.getString("forwardedServer"));

        io.vertx.core.json.JsonObject direct = echoed(RawHttp.getFrom("127.0.0.2", front.port(), "/api/customers/1", claims));
        org.junit.jupiter.api.Assertions.assertEquals("127.0.0.2", direct.getString("forwardedFor"));
        org.junit.jupiter.api.Assertions.assertEquals("localhost", direct.getString("forwardedHost"));
        org.junit.jupiter.api.Assertions.assertEquals("http", direct.getString("forwardedProto"));
        org.junit.jupiter.api.Assertions.assertEquals("", direct.getString("forwarded"));
        org.junit.jupiter.api.Assertions.assertEquals("", direct.getString("forwardedSsl"));
        org.junit.jupiter.api.Assertions.assertEquals("", direct.getString("forwardedServer"));
    }

    private static io.vertx.core.json.JsonObject echoed(String answer) {
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        return new io.vertx.core.json.JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    /** Every answer varies by Origin, so a cache does not hand one origin's answer (or a plain one) to another. */
    @Test
    void everyAnswerVariesByOrigin() {
        given().when().get("/api/public/documents").then().statusCode(200)
                .header("Vary", containsStringIgnoringCase("origin"));
        given().header("Origin", "http://localhost:5173").when().get("/api/public/documents").then().statusCode(200)
                .header("Vary", containsStringIgnoringCase("origin"));
    }

    /**
     * Expect: 100-continue is answered only once the request passed every check: a caller without a token gets its
     * 401 before sending the body; one with a valid token is asked for it and it reaches the service.
     */
    @Test
    void anUploadIsAskedForOnlyOnceItsRequestPassedTheChecks() throws Exception {
        String head = "POST /api/customers/import HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\n";
        try (java.net.Socket socket = new java.net.Socket("localhost", front.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((head + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            org.junit.jupiter.api.Assertions.assertEquals("HTTP/1.1 401 Unauthorized", firstLine(socket.getInputStream()));
        }
        try (java.net.Socket socket = new java.net.Socket("localhost", front.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((head + "Authorization: Bearer " + Tokens.forUser("mei", "market")
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            org.junit.jupiter.api.Assertions.assertEquals("HTTP/1.1 100 Continue", firstLine(in));
            socket.getOutputStream().write("a,b,c".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String rest = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(rest.contains("HTTP/1.1 200"), rest);
            org.junit.jupiter.api.Assertions.assertTrue(rest.contains("\"bodyLength\":5"), rest);
        }
    }

    private static String firstLine(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** An HTTP/1.0 caller gets an answer of unknown length whole, ended by closing (it cannot read chunks). */
    @Test
    void anHttp10CallerGetsAChunkedAnswerWholeThenTheConnectionCloses() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", front.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/customers/big?mb=1 HTTP/1.0\r\nConnection: keep-alive\r\nAuthorization: Bearer "
                    + Tokens.forUser("mei", "market") + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes(); // to the end: the gateway must close
            String text = new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1);
            int body = text.indexOf("\r\n\r\n") + 4;
            org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("HTTP/1.0 200"), text.substring(0, Math.min(200, text.length())));
            org.junit.jupiter.api.Assertions.assertEquals(1024 * 1024, answer.length - body);
        }
    }

    @Test
    void connectAndTraceAreRefused() throws Exception {
        for (String method : java.util.List.of("TRACE", "CONNECT")) {
            try (java.net.Socket socket = new java.net.Socket("localhost", front.port())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write((method + " /api/public/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 405"), method + " -> " + answer);
            }
        }
    }
}
