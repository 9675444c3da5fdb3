package com.certcare.application.applying;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.certcare.application.TestFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Builders for the application tests: a valid form, a public submission with files, the counts that must not move. */
public final class Applicants {

    static final String PUBLIC = "/api/public/applications";
    static final String STAFF = "/api/applications";
    static final String SECRET = "X-Application-Secret";
    static final String CREDIT_CODE = "91350100M000100Y43";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Applicants() {
    }

    /** A complete, valid form 16-01 for the given schemes. */
    public static Map<String, Object> form(String name, String... schemes) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("creditCode", CREDIT_CODE);
        f.put("legalRepresentative", "张三");
        f.put("address", "浙江省杭州市西湖区示例路1号");
        f.put("provinceCode", "330000");
        f.put("city", "杭州");
        f.put("postalCode", "310000");
        f.put("contactName", "李四");
        f.put("contactPhone", "13800138000");
        f.put("contactEmail", "li@example.cn");
        f.put("schemes", List.of(schemes));
        f.put("scope", "机械零部件的生产");
        f.put("scopeEn", "Production of machine parts");
        f.put("sites", List.of(Map.of("address", "杭州市余杭区示例路2号", "activity", "生产", "headCount", 80)));
        f.put("headCount", 120);
        f.put("shifts", 2);
        f.put("outsourcedProcesses", "热处理");
        f.put("existingCertifications", "无");
        f.put("consultancyUsed", true);
        f.put("consultancyName", "示例咨询有限公司");
        f.put("language", "中文");
        return f;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file part: kind (part name), file name, bytes. */
    record Part(String kind, String fileName, byte[] bytes) {
    }

    static Part licence() {
        return new Part("BUSINESS_LICENCE", "营业执照.pdf", TestFiles.pdf("licence"));
    }

    static RequestSpecification multipart(String applicationJson, Part... files) {
        RequestSpecification request = given().config(TestFiles.browserMultipart());
        if (applicationJson != null) {
            request = request.multiPart(new MultiPartSpecBuilder(applicationJson).controlName("application")
                    .mimeType("text/plain").charset("UTF-8").build());
        }
        for (Part p : files) {
            request = request.multiPart(new MultiPartSpecBuilder(p.bytes()).fileName(p.fileName()).controlName(p.kind())
                    .mimeType("application/pdf").build());
        }
        return request;
    }

    static ValidatableResponse submit(Map<String, Object> form, Part... files) {
        return multipart(json(form), files).when().post(PUBLIC).then();
    }

    /** Submits a valid QMS application with its licence: {reference, secret}. */
    public static Map<String, String> submitted(String name) {
        var body = submit(form(name, "QMS"), licence()).statusCode(201).extract().jsonPath();
        return Map.of("reference", body.getString("reference"), "secret", body.getString("secret"));
    }

    /** The staff id of an application by its reference. */
    static long idOf(DataSource db, String reference) {
        return Long.parseLong(query(db, "select id from application where reference = '" + reference.replace("'", "") + "'").get(0));
    }

    static int version(long id) {
        return given().when().get(STAFF + "/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    static ValidatableResponse transition(long id, String step, Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.putIfAbsent("version", version(id));
        return given().contentType(ContentType.JSON).body(b).when().post(STAFF + "/" + id + "/" + step).then();
    }

    /** Every checklist item yes and the audit days: what accepting needs. */
    static Map<String, Object> fullReview(int version) {
        Map<String, Object> r = new HashMap<>();
        for (String item : List.of("informationSufficient", "scopeWithinAccreditation", "competenceAvailable", "sitesCovered",
                "languageCovered", "safetyConsidered", "impartialityNoConflict")) {
            r.put(item, true);
        }
        r.put("impartialityNote", "咨询机构与本机构无关联");
        r.put("auditDays", 4.5);
        r.put("version", version);
        return r;
    }

    /** The counts that no refused request may change. */
    static Map<String, String> counts(DataSource db) {
        Map<String, String> c = new LinkedHashMap<>();
        for (String table : List.of("application", "application_attachment", "application_message", "document_file",
                "change_record", "outbox_event", "number_counter")) {
            c.put(table, query(db, "select count(*) from " + table).get(0));
        }
        c.put("application state", query(db, "select coalesce(sum(version), 0) || '/' || coalesce(string_agg(status, ',' order by id), '')"
                + " from application").get(0));
        return c;
    }

    static List<String> query(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
