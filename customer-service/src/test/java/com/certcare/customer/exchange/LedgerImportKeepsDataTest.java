package com.certcare.customer.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The import never loses what the file does not carry, and never silently overwrites a change made since the
 * export; the ledger as market departments keep it (their headings, GBK files) reads right.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class LedgerImportKeepsDataTest {

    @Inject
    AgroalDataSource dataSource;

    /** A customer with two contacts (the second is the 管理者代表), remarks and a live QMS certificate. */
    private long richCustomer(String tag) {
        TestData.CustomerBody body = TestData.customer(tag + "保留测试有限公司");
        body.put("contacts", new ArrayList<>(List.of(
                Map.of("name", "王芳", "role", "", "phone", "13800138000", "email", "wangfang@example.cn", "primary", true),
                Map.of("name", "李强", "role", "管理者代表", "phone", "13900139000", "email", "liqiang@example.cn",
                        "primary", false))));
        body.put("remarks", "旧备注");
        long id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON)
                .body(TestData.certification("QMS").valid("KEEP-" + tag, LocalDate.of(2026, 3, 15)))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        return id;
    }

    private static byte[] export(String tag) {
        return given().queryParam("q", tag).queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray();
    }

    private static Response importing(byte[] file, boolean dryRun, String onConflict) {
        var request = given().contentType("text/csv").body(file).queryParam("dryRun", dryRun);
        if (onConflict != null) {
            request.queryParam("onConflict", onConflict);
        }
        return request.when().post("/api/customers/import");
    }

    private static JsonPath customer(long id) {
        return given().when().get("/api/customers/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void changeRemarks(long id, String remarks) {
        JsonPath now = customer(id);
        Map<String, Object> body = new java.util.LinkedHashMap<>(now.getMap(""));
        body.remove("certifications");
        body.put("remarks", remarks);
        given().contentType(ContentType.JSON).body(body).when().put("/api/customers/" + id).then().statusCode(200);
    }

    @Test
    void anUnchangedExportImportsAsNoChangeAndKeepsContactsAndRoles() {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        JsonPath before = customer(id);
        byte[] file = export(tag);

        importing(file, true, null).then().statusCode(200)
                .body("errors", hasSize(0)).body("conflicts", hasSize(0))
                .body("ignoredColumns", contains("等级")) // the export's only column grading, not the file, sets
                .body("encoding", is("UTF-8"))
                .body("newCustomers", is(0)).body("updatedCustomers", is(0)).body("unchangedCustomers", is(1))
                .body("newCertifications", is(0)).body("updatedCertifications", is(0))
                .body("unchangedCertifications", is(1));
        importing(file, false, null).then().statusCode(200).body("committed", is(true))
                .body("updatedCustomers", is(0)).body("certifications", is(0));

        JsonPath after = customer(id);
        assertEquals(before.getInt("version"), after.getInt("version"));
        assertEquals(before.getList("contacts"), after.getList("contacts"));
        assertEquals(before.getInt("certifications[0].version"), after.getInt("certifications[0].version"));
        assertEquals("旧备注", after.getString("remarks"));
    }

    @Test
    void aCustomerChangedSinceTheExportIsAConflictSkippedUnlessOverwritten() {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        byte[] file = export(tag);
        changeRemarks(id, "新备注：表单里改的");

        JsonPath report = importing(file, true, null).then().statusCode(200)
                .body("errors", hasSize(0)).body("conflicts", hasSize(1))
                .body("conflicts[0].line", is(2)).body("conflicts[0].creditCode", is(customer(id).getString("creditCode")))
                .body("conflicts[0].fields.column", contains("备注"))
                .body("conflicts[0].fields[0].current", is("新备注：表单里改的"))
                .body("conflicts[0].fields[0].file", is("旧备注"))
                .body("updatedCustomers", is(0)).body("unchangedCustomers", is(0)).body("overwrite", is(false))
                .extract().jsonPath();
        assertEquals(customer(id).getInt("version") - 1, report.getInt("conflicts[0].fileVersion"));

        // skipped: the form's change stays, the contacts and their roles too
        importing(file, false, null).then().statusCode(200).body("committed", is(true)).body("conflicts", hasSize(1));
        JsonPath kept = customer(id);
        assertEquals("新备注：表单里改的", kept.getString("remarks"));
        assertEquals(2, kept.getList("contacts").size());
        assertEquals("管理者代表", kept.getString("contacts.find { it.name == '李强' }.role"));

        // overwritten on request: only the remarks go back; the contacts and roles stay as they are
        importing(file, true, "overwrite").then().statusCode(200).body("updatedCustomers", is(1)).body("overwrite", is(true));
        importing(file, false, "overwrite").then().statusCode(200).body("committed", is(true));
        JsonPath overwritten = customer(id);
        assertEquals("旧备注", overwritten.getString("remarks"));
        assertEquals(2, overwritten.getList("contacts").size());
        assertEquals("管理者代表", overwritten.getString("contacts.find { it.name == '李强' }.role"));

        importing(file, true, "sometimes").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("onConflict"));
    }

    @Test
    void aFileChangesOnlyTheColumnsItHas() {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        JsonPath before = customer(id);
        String code = before.getString("creditCode");

        // remarks only: nothing else of the customer or its record changes
        importing(("统一社会信用代码,备注\n" + code + ",只改备注\n").getBytes(StandardCharsets.UTF_8), false, null)
                .then().statusCode(200).body("updatedCustomers", is(1)).body("errors", hasSize(0));
        JsonPath after = customer(id);
        assertEquals("只改备注", after.getString("remarks"));
        for (String field : List.of("name", "provinceCode", "city", "address", "postalCode", "contacts", "professionalCodes")) {
            assertEquals(String.valueOf((Object) before.get(field)), String.valueOf((Object) after.get(field)), field);
        }
        assertEquals(before.getInt("certifications[0].version"), after.getInt("certifications[0].version"));

        // the primary contact's phone: the contact is found by name, keeps its role; the other contact stays
        importing(("统一社会信用代码,联系人,联系电话\n" + code + ",李强,13700137000\n").getBytes(StandardCharsets.UTF_8),
                false, null).then().statusCode(200).body("errors", hasSize(0));
        JsonPath phone = customer(id);
        assertEquals(2, phone.getList("contacts").size());
        assertEquals("13700137000", phone.getString("contacts.find { it.name == '李强' }.phone"));
        assertEquals("管理者代表", phone.getString("contacts.find { it.name == '李强' }.role"));
        assertEquals(true, phone.getBoolean("contacts.find { it.name == '李强' }.primary"));
        assertEquals("13800138000", phone.getString("contacts.find { it.name == '王芳' }.phone"));

        // one fee of the record, by scheme: the other fields of the record stay
        importing(("统一社会信用代码,认证领域,监督费用\n" + code + ",QMS,7000\n").getBytes(StandardCharsets.UTF_8), false, null)
                .then().statusCode(200).body("updatedCertifications", is(1)).body("newCertifications", is(0));
        JsonPath fee = customer(id);
        assertEquals("7000.00", fee.getString("certifications[0].surveillanceFee"));
        assertEquals(before.getString("certifications[0].initialAuditFee"), fee.getString("certifications[0].initialAuditFee"));
        assertEquals(before.getString("certifications[0].certificateNo"), fee.getString("certifications[0].certificateNo"));
        assertEquals(before.getMap("certifications[0].auditDates").toString(),
                fee.getMap("certifications[0].auditDates").toString());
    }

    @Test
    void theProceduresOwnHeadingsAreReadAndUnknownOnesListed() {
        String tag = TestData.tag();
        String code = TestData.creditCode();
        String header = "合同编号,证书编号,企业名称,统一社会信用代码,认证类别,受理申请时间,审核时间,初审费用,监审费用,计划监审时间,"
                + "实施时间,状态,企业省份,地址,邮编,联系人,电话,专业代码,认证范围,有效期至,负责业务员";
        String good = "HT-" + tag + ",," + tag + "规程公司," + code + ",QMS,2026/1/10,2026年2月20日,12000,6000,2027-02-19,"
                + "2026-02-21,申请中,浙江,杭州市西湖区文三路 90 号,310012,王芳,0571-88886666,33.02.01,软件开发,,小刘";
        JsonPath report = importing((header + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8), true, null).then()
                .statusCode(200).body("errors", hasSize(0)).body("ignoredColumns", contains("负责业务员"))
                .body("newCustomers", is(1)).body("newCertifications", is(1))
                .body("warnings.column", hasItem("计划监督日期"))
                .body("preview[0][0]", is("合同编号")).body("preview", hasSize(2))
                .extract().jsonPath();
        assertTrue(report.getString("warnings[0].message").contains("计划监督日期"), report.prettify());

        importing((header + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8), false, null).then().statusCode(200);
        JsonPath saved = given().queryParam("q", code).when().get("/api/customers").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("310012", saved.getString("items[0].postalCode"));
        assertEquals("杭州市西湖区文三路 90 号", saved.getString("items[0].address"));
        assertEquals("0571-88886666", saved.getString("items[0].contacts[0].phone"));
        assertEquals("2026-02-20", saved.getString("items[0].certifications[0].auditDates.stage2"));
        assertEquals("2026-02-21", saved.getString("items[0].certifications[0].implementedOn"));
        assertEquals("6000.00", saved.getString("items[0].certifications[0].surveillanceFee"));

        // their cells are checked like any other: a 7-digit postal code and a 12-digit phone are errors now
        String bad = good.replace(code, TestData.creditCode()).replace(",310012,", ",3100121,")
                .replace(",0571-88886666,", ",138001380001,").replace("HT-" + tag, "HT2-" + tag);
        importing((header + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8), true, null).then().statusCode(200)
                .body("errors.column", hasItem("邮政编码")).body("errors.column", hasItem("联系电话"));
    }

    @Test
    void aGbkCsvAsExcelOnChineseWindowsSavesItReadsRight() {
        String tag = TestData.tag();
        String code = TestData.creditCode();
        String csv = "企业名称,统一社会信用代码,省份,联系人,备注\r\n" + tag + "国标编码公司," + code + ",浙江省,欧阳娜娜,“引号”与《书名号》、顿号·间隔号\r\n";
        importing(csv.getBytes(Charset.forName("GBK")), false, null).then().statusCode(200)
                .body("encoding", is("GB18030")).body("errors", hasSize(0)).body("newCustomers", is(1));
        given().queryParam("q", code).when().get("/api/customers").then()
                .body("items[0].name", is(tag + "国标编码公司"))
                .body("items[0].contacts[0].name", is("欧阳娜娜"))
                .body("items[0].remarks", is("“引号”与《书名号》、顿号·间隔号"));

        // GB18030 chosen explicitly reads the same; UTF-8 chosen for a GBK file is refused with the line
        importing(csv.getBytes(Charset.forName("GBK")), true, null).then().body("unchangedCustomers", is(1));
        given().contentType("text/csv").body(csv.getBytes(Charset.forName("GBK"))).queryParam("encoding", "UTF-8")
                .when().post("/api/customers/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("encoding"));
        // neither UTF-8 nor GB18030, and UTF-16: refused, saying so
        byte[] binary = { (byte) 0x81, 0x20, (byte) 0xFF, (byte) 0xFE, 0x00, 0x41 };
        importing(binary, true, null).then().statusCode(400).body("errors.field", contains("encoding"));
        byte[] utf16 = ("\uFEFF企业名称,统一社会信用代码\n").getBytes(StandardCharsets.UTF_16LE);
        importing(utf16, true, null).then().statusCode(400).body("errors[0].message", containsString("UTF-16"));
    }

    @Test
    void anUnlistedProfessionalCodeOfAKnownSectorIsAWarningAnUnknownSectorAnError() {
        String tag = TestData.tag();
        String csv = "企业名称,统一社会信用代码,省份,专业代码\n"
                + tag + "代码甲公司," + TestData.creditCode() + ",浙江省,19.05.07\n"
                + tag + "代码乙公司," + TestData.creditCode() + ",浙江省,99.01.01\n";
        importing(csv.getBytes(StandardCharsets.UTF_8), true, null).then().statusCode(200)
                .body("warnings", hasSize(1)).body("warnings[0].line", is(2))
                .body("warnings[0].message", containsString("19.05.07"))
                .body("errors", hasSize(1)).body("errors[0].line", is(3)).body("errors[0].column", is("专业代码"));
    }

    @Test
    void aSecondImportWhileOneCommitsIs409AndNothingIsWritten() throws Exception {
        String tag = TestData.tag();
        String code = TestData.creditCode();
        byte[] file = ("企业名称,统一社会信用代码,省份\n" + tag + "并发公司," + code + ",浙江省\n").getBytes(StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, 0x4343_696d_706f_7274L); // the key LedgerImport holds while it commits
                lock.execute();
            }
            importing(file, false, null).then().statusCode(409).contentType("application/problem+json")
                    .body("code", is("import-running")).header("Retry-After", not(nullValue()));
            importing(file, true, null).then().statusCode(200).body("newCustomers", is(1)); // a dry run does not wait
            c.rollback();
        }
        given().queryParam("q", code).when().get("/api/customers").then().body("total", is(0));
        importing(file, false, null).then().statusCode(200).body("newCustomers", is(1));
    }

    @Test
    void aCustomerSavedWhileTheImportWritesEndsTheImportWith409AndKeepsTheSave() throws Exception {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        String code = customer(id).getString("creditCode");
        byte[] file = ("统一社会信用代码,备注\n" + code + ",导入写的备注\n").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Response> running;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // a form save under way: the row is locked and its version moves on when it commits
            try (PreparedStatement save = c.prepareStatement(
                    "update client set remarks = '表单同时保存', version = version + 1 where id = ?")) {
                save.setLong(1, id);
                assertEquals(1, save.executeUpdate());
            }
            running = CompletableFuture.supplyAsync(() -> given().auth().none().contentType("text/csv").body(file)
                    .queryParam("dryRun", false).when().post("/api/customers/import"));
            Thread.sleep(1500); // the import has read the old version and now waits for the row
            c.commit();
        }
        Response answer = running.get(30, TimeUnit.SECONDS);
        assertEquals(409, answer.statusCode(), answer.asString());
        assertEquals("表单同时保存", customer(id).getString("remarks"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from change_record where client_id = ? and new_value = ?")) {
            q.setLong(1, id);
            q.setString(2, "导入写的备注");
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "no history of a change that was not written");
            }
        }
    }

    @Test
    void aFormSaveThatMeetsAWriteInProgressIs409NotA500() throws Exception {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        JsonPath now = customer(id);
        Map<String, Object> body = new java.util.LinkedHashMap<>(now.getMap(""));
        body.remove("certifications");
        body.put("remarks", "表单保存");
        CompletableFuture<Response> saving;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // an import (or any writer) holds the row and moves its version on
            try (PreparedStatement write = c.prepareStatement(
                    "update client set remarks = '导入写的', version = version + 1 where id = ?")) {
                write.setLong(1, id);
                assertEquals(1, write.executeUpdate());
            }
            saving = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(body)
                    .when().put("/api/customers/" + id));
            Thread.sleep(1500); // the save has checked the version it read and now waits for the row
            c.commit();
        }
        Response answer = saving.get(30, TimeUnit.SECONDS);
        assertEquals(409, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType().split(";")[0]);
        assertEquals("导入写的", customer(id).getString("remarks"));
    }

    @Test
    void aClosedRecordInTheExportIsMatchedNotDuplicated() {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        long record = customer(id).getLong("certifications[0].id");
        int version = customer(id).getInt("certifications[0].version");
        given().contentType(ContentType.JSON).body(Map.of("to", "WITHDRAWN", "reason", "企业申请撤销", "version", version))
                .when().post("/api/customers/" + id + "/certifications/" + record + "/transitions").then().statusCode(200);
        byte[] file = export(tag);
        importing(file, true, null).then().statusCode(200).body("errors", hasSize(0))
                .body("newCertifications", is(0)).body("unchangedCertifications", is(1));
        // without the record ID column too: matched by scheme, status and numbers
        String text = new String(file, StandardCharsets.UTF_8);
        String withoutIds = text.lines().map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        importing(withoutIds.getBytes(StandardCharsets.UTF_8), true, null).then().statusCode(200)
                .body("errors", hasSize(0)).body("newCertifications", is(0)).body("unchangedCertifications", is(1));
        assertEquals(1, customer(id).getList("certifications").size());
        given().queryParam("q", tag).when().get("/api/customers").then().body("items[0].certifications.status",
                containsInAnyOrder("WITHDRAWN"));
        given().when().get("/api/customers/" + id).then().body("certifications[0].id", equalTo((int) record));
    }

    @Test
    void aLongFileIsReadInBatchesAndACustomersRowsFarApartStillFormOneCustomer() {
        String tag = TestData.tag();
        int customers = 700; // more than one batch (500 rows) apart
        List<String> codes = new ArrayList<>();
        StringBuilder csv = new StringBuilder("企业名称,统一社会信用代码,省份,认证领域,合同编号\n");
        for (int i = 0; i < customers; i++) {
            codes.add(TestData.creditCode());
            csv.append(tag).append("批量").append(i).append("公司,").append(codes.get(i)).append(",浙江省,QMS,Q-").append(tag)
                    .append('-').append(i).append('\n');
        }
        for (int i = 0; i < customers; i++) {
            csv.append(tag).append("批量").append(i).append("公司,").append(codes.get(i)).append(",浙江省,EMS,E-").append(tag)
                    .append('-').append(i).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        importing(file, true, null).then().statusCode(200).body("errorCount", is(0))
                .body("newCustomers", is(customers)).body("newCertifications", is(2 * customers));
        importing(file, false, null).then().statusCode(200).body("committed", is(true))
                .body("newCustomers", is(customers)).body("newCertifications", is(2 * customers));
        given().queryParam("q", codes.get(3)).when().get("/api/customers").then().body("total", is(1))
                .body("items[0].certifications.scheme", containsInAnyOrder("QMS", "EMS"));
        importing(file, true, null).then().statusCode(200).body("errorCount", is(0))
                .body("unchangedCustomers", is(customers)).body("unchangedCertifications", is(2 * customers))
                .body("newCertifications", is(0)).body("updatedCustomers", is(0));

        // a file full of bad cells lists the first ones and counts them all
        StringBuilder bad = new StringBuilder("企业名称,统一社会信用代码,省份\n");
        for (int i = 0; i < 1100; i++) {
            bad.append(tag).append("坏").append(i).append(',').append(TestData.creditCode()).append(",火星\n");
        }
        importing(bad.toString().getBytes(StandardCharsets.UTF_8), false, null).then().statusCode(400)
                .body("code", is("import-rejected")).body("detail", containsString("1100"));
        importing(bad.toString().getBytes(StandardCharsets.UTF_8), true, null).then().statusCode(200)
                .body("errorCount", is(1100)).body("errors", hasSize(1000));
    }

    @Test
    void legacyDataThatBreaksARuleDoesNotBlockReimportingItUnchanged() throws Exception {
        String tag = TestData.tag();
        long id = richCustomer(tag);
        try (Connection c = dataSource.getConnection();
                PreparedStatement legacy = c.prepareStatement("update client set postal_code = '31001X' where id = ?")) {
            legacy.setLong(1, id); // from before the rule, or from the body's old system
            legacy.executeUpdate();
        }
        byte[] file = export(tag);
        importing(file, true, null).then().statusCode(200).body("errors", hasSize(0)).body("unchangedCustomers", is(1));
        // a row that does change the customer is checked whole, as the form would
        String changed = new String(file, StandardCharsets.UTF_8).replace("旧备注", "新的备注");
        importing(changed.getBytes(StandardCharsets.UTF_8), true, null).then().statusCode(200)
                .body("errors.column", contains("邮政编码"));
    }
}
