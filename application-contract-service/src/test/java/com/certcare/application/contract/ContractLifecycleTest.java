package com.certcare.application.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.certcare.application.TestFiles;
import com.certcare.application.applying.Applicants;
import com.certcare.testsupport.EventContracts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A contract (form 16-02) from an accepted application to signed, against the real database and broker: the number,
 * the terms, each forbidden step refused without a change, ContractSigned as its contract with customer-service says,
 * the PDF's text, and contracts drawn up at once numbered without duplicate or gap.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
public class ContractLifecycleTest {

    static final String CONTRACTS = "/api/contracts";

    @Inject
    DataSource db;

    /** An application entered by market, reviewed and ACCEPTED; its id. */
    public static long acceptedApplication(String name, String... schemes) {
        long id = given().contentType(ContentType.JSON).body(Applicants.form(name, schemes))
                .when().post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        given().config(TestFiles.browserMultipart())
                .multiPart(new MultiPartSpecBuilder(TestFiles.pdf("licence")).fileName("营业执照.pdf")
                        .controlName("BUSINESS_LICENCE").mimeType("application/pdf").build())
                .when().post("/api/applications/" + id + "/attachments").then().statusCode(200);
        step("/api/applications/" + id, "submit", Map.of());
        step("/api/applications/" + id, "start-review", Map.of());
        Map<String, Object> review = new HashMap<>();
        for (String item : List.of("informationSufficient", "scopeWithinAccreditation", "competenceAvailable", "sitesCovered",
                "languageCovered", "safetyConsidered", "impartialityNoConflict")) {
            review.put(item, true);
        }
        review.put("auditDays", 4.5);
        review.put("version", version("/api/applications/" + id));
        given().contentType(ContentType.JSON).body(review).when().put("/api/applications/" + id + "/review")
                .then().statusCode(200);
        step("/api/applications/" + id, "accept", Map.of("reasons", "资料齐全，范围在认可范围内"));
        return id;
    }

    static int version(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    static JsonPath step(String path, String step, Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.putIfAbsent("version", version(path));
        return given().contentType(ContentType.JSON).body(b).when().post(path + "/" + step).then().statusCode(200)
                .extract().jsonPath();
    }

    public static JsonPath draft(long applicationId) {
        return given().contentType(ContentType.JSON).body(Map.of("applicationId", applicationId))
                .when().post(CONTRACTS).then().statusCode(201).extract().jsonPath();
    }

    static Map<String, Object> terms(JsonPath c) {
        Map<String, Object> t = new HashMap<>();
        for (String f : List.of("name", "creditCode", "legalRepresentative", "address", "provinceCode", "city", "postalCode",
                "contactName", "contactPhone", "contactEmail", "scope", "scopeEn")) {
            t.put(f, c.getString(f));
        }
        t.put("initialAuditFee", 12000);
        t.put("surveillanceFee", "6000.5");
        t.put("paymentTerms", "签约后 10 个工作日内支付初次审核费；监督审核费于每次审核前支付");
        t.put("version", c.getInt("version"));
        return t;
    }

    @Test
    void walksAnAcceptedApplicationToASignedContractAndTellsCustomerService() throws Exception {
        String name = "星澜精密机械（苏州）有限公司" + System.nanoTime();
        long application = acceptedApplication(name, "QMS", "EMS");
        JsonPath c = draft(application);
        long id = c.getLong("id");
        String number = c.getString("number");
        assertTrue(number.matches("ZLCC-" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-\\d{4}"), number);
        assertEquals("DRAFT", c.getString("status"));
        assertEquals(List.of("QMS", "EMS"), c.getList("schemes"));
        assertEquals(name, c.getString("name"));

        given().contentType(ContentType.JSON).body(terms(c)).when().put(CONTRACTS + "/" + id).then().statusCode(200)
                .body("initialAuditFee", equalTo("12000.00")).body("surveillanceFee", equalTo("6000.50"));
        assertEquals("SENT", step(CONTRACTS + "/" + id, "send", Map.of()).getString("status"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath signed = step(CONTRACTS + "/" + id, "sign", Map.of("signedOn", today));
        assertEquals("SIGNED", signed.getString("status"));
        assertEquals(List.of("TERMINATED"), signed.getList("allowedTransitions"));

        List<String> events = envelopes(number, "ContractSigned");
        assertEquals(2, events.size(), "one ContractSigned per scheme");
        for (String e : events) {
            EventContracts.check("contracts/ContractSigned.json", e);
        }
        JsonPath first = new JsonPath(events.get(0));
        assertEquals(name, first.getString("data.customer.name"));
        assertEquals(number, first.getString("subject"));
        assertEquals("12000.00", first.getString("data.initialAuditFee"));
        assertEquals(today, first.getString("data.signedOn"));

        byte[] pdf = given().when().get(CONTRACTS + "/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename=\"" + number + ".pdf\""))
                .extract().asByteArray();
        String text = text(pdf);
        assertTrue(text.contains(name), text);
        assertTrue(text.contains(number), text);
        byte[] applicationPdf = given().when().get("/api/applications/" + application + "/pdf").then().statusCode(200)
                .extract().asByteArray();
        assertTrue(text(applicationPdf).contains(name));

        given().when().get(CONTRACTS + "/" + id + "/history").then().statusCode(200)
                .body("items.field", hasItems("status", "initialAuditFee"));
        given().when().get(CONTRACTS + "?q=" + number).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesEachForbiddenStepAndChangesNothing() throws Exception {
        long application = acceptedApplication("禁止步骤测试有限公司", "QMS");
        JsonPath c = draft(application);
        long id = c.getLong("id");
        String path = CONTRACTS + "/" + id;
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        // a draft without fees prints them as to be agreed
        assertTrue(text(given().when().get(path + "/pdf").then().statusCode(200).extract().asByteArray()).contains("待定"));
        // signing a DRAFT
        given().contentType(ContentType.JSON).body(Map.of("version", c.getInt("version"), "signedOn", today))
                .when().post(path + "/sign").then().statusCode(409).contentType("application/problem+json");
        // sending without fees
        given().contentType(ContentType.JSON).body(Map.of("version", c.getInt("version"))).when().post(path + "/send")
                .then().statusCode(400).body("errors.field", hasItems("initialAuditFee", "surveillanceFee"));
        // a second contract for the same application
        given().contentType(ContentType.JSON).body(Map.of("applicationId", application)).when().post(CONTRACTS)
                .then().statusCode(409);
        // bad terms: all named at once
        Map<String, Object> bad = terms(c);
        bad.put("creditCode", "91350100M000100Y44");
        bad.put("initialAuditFee", "-1");
        bad.put("surveillanceFee", "10.001");
        bad.put("provinceCode", "999999");
        given().contentType(ContentType.JSON).body(bad).when().put(path).then().statusCode(400)
                .body("errors.field", hasItems("creditCode", "initialAuditFee", "surveillanceFee", "provinceCode"));
        // a stale version
        Map<String, Object> stale = terms(c);
        stale.put("version", c.getInt("version") + 7);
        given().contentType(ContentType.JSON).body(stale).when().put(path).then().statusCode(409);
        // terminating needs a reason
        given().contentType(ContentType.JSON).body(Map.of("version", c.getInt("version"))).when().post(path + "/terminate")
                .then().statusCode(400).body("errors.field", hasItems("reason"));

        JsonPath after = given().when().get(path).then().statusCode(200).extract().jsonPath();
        assertEquals("DRAFT", after.getString("status"));
        assertEquals(c.getInt("version"), after.getInt("version"));
        assertEquals(null, after.getString("initialAuditFee"));
        assertEquals(0, envelopes(c.getString("number"), "ContractSigned").size());

        // terminated: nothing more
        step(path, "terminate", Map.of("reason", "客户决定暂缓认证"));
        given().contentType(ContentType.JSON).body(Map.of("version", version(path), "signedOn", today))
                .when().post(path + "/sign").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("version", version(path))).when().post(path + "/send")
                .then().statusCode(409);
        EventContracts.check("schemas/events/ContractTerminated.json", envelopes(c.getString("number"), "ContractTerminated").get(0));
        // after a termination the application may get a new contract
        draft(application);
    }

    /** Every envelope in this module's outbox (of every test so far) against its schema: the service's own or the platform's. */
    @Test
    void everyEnvelopeInTheOutboxMatchesItsSchema() throws Exception {
        JsonPath c = draft(acceptedApplication("契约检查有限公司", "QMS"));
        String path = CONTRACTS + "/" + c.getLong("id");
        given().contentType(ContentType.JSON).body(terms(c)).when().put(path).then().statusCode(200);
        step(path, "send", Map.of());
        step(path, "sign", Map.of("signedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        step(path, "terminate", Map.of("reason", "合同期满"));
        Map<String, Integer> checked = EventContracts.checkOutbox(db, "schemas/events", "contracts");
        for (String type : List.of("ApplicationAccepted", "ContractSigned", "ContractTerminated")) {
            assertTrue(checked.getOrDefault(type, 0) > 0, type + " checked: " + checked);
        }
    }

    @Test
    void onlyAcceptedApplicationsGetContracts() {
        long id = given().contentType(ContentType.JSON).body(Applicants.form("未受理申请有限公司", "QMS"))
                .when().post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("applicationId", id)).when().post(CONTRACTS)
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("applicationId", 987654321L)).when().post(CONTRACTS)
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post(CONTRACTS).then().statusCode(400)
                .body("errors.field", hasItems("applicationId"));
    }

    @Test
    void contractsDrawnUpAtOnceGetDistinctNumbersWithoutGaps() throws Exception {
        int n = 8;
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            applications.add(acceptedApplication("并发合同测试公司" + i, "QMS"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> numbers = new ArrayList<>();
        for (long application : applications) {
            Callable<String> draw = () -> draft(application).getString("number");
            numbers.add(pool.submit(draw));
        }
        List<Integer> seqs = new ArrayList<>();
        for (Future<String> f : numbers) {
            String number = f.get();
            seqs.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
        pool.shutdown();
        seqs.sort(Integer::compare);
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "numbers " + seqs);
        }
    }

    @Test
    @TestSecurity(user = "ada", roles = "auditor")
    void auditorsReadButDoNotWrite() {
        given().when().get(CONTRACTS).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("applicationId", 1)).when().post(CONTRACTS).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dora", roles = "department")
    void departmentsSeeNoContracts() {
        given().when().get(CONTRACTS).then().statusCode(403);
        given().when().get(CONTRACTS + "/1/pdf").then().statusCode(403);
    }

    private List<String> envelopes(String subject, String type) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "select envelope::text from outbox_event where aggregate_key = ? and type = ? order by created_at")) {
            st.setString(1, subject);
            st.setString(2, type);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
