package com.certcare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.certcare.platform.identity.CreditCode;

/** Builders for request bodies, with valid defaults and fresh credit codes. */
public final class TestData {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestData() {
    }

    /** A fresh, valid unified social credit code (registration 9, category 1, area 330100). */
    public static String creditCode() {
        StringBuilder code = new StringBuilder("91330100");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            code.append(CHARSET.charAt(random.nextInt(CHARSET.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    /** A unique tag to find one test's data with the free-text filter. */
    public static String tag() {
        return "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    public static CustomerBody customer(String name) {
        return new CustomerBody(name);
    }

    /** A customer request as a mutable map, so tests can break one field at a time. */
    public static final class CustomerBody extends java.util.LinkedHashMap<String, Object> {
        CustomerBody(String name) {
            put("name", name);
            put("creditCode", creditCode());
            put("provinceCode", "330000");
            put("city", "杭州市");
            put("address", "西湖区文三路 90 号");
            put("postalCode", "310012");
            put("contacts", new ArrayList<>(List.of(Map.of("name", "王芳", "role", "管理者代表",
                    "phone", "13800138000", "email", "wangfang@example.cn", "primary", true))));
            put("professionalCodes", new ArrayList<>(List.of("33.02.01")));
            put("remarks", "测试数据");
        }

        public CustomerBody with(String field, Object value) {
            put(field, value);
            return this;
        }
    }

    public static CertificationBody certification(String scheme) {
        return new CertificationBody(scheme);
    }

    public static final class CertificationBody extends java.util.LinkedHashMap<String, Object> {
        CertificationBody(String scheme) {
            put("scheme", scheme);
            put("contractNo", "HT-2026-" + ThreadLocalRandom.current().nextInt(100000, 999999));
            put("scope", "软件开发及信息技术服务");
            put("scopeEn", "Software development and IT services");
            put("applicationAcceptedOn", "2026-01-10");
            put("initialAuditFee", new BigDecimal("12000.50"));
            put("surveillanceFee", new BigDecimal("6000.00"));
            put("auditDates", Map.of("stage1", "2026-02-01", "stage2", "2026-02-20"));
        }

        public CertificationBody with(String field, Object value) {
            put(field, value);
            return this;
        }

        /** A live certificate: number, decision, issue and expiry, status VALID. */
        public CertificationBody valid(String certificateNo, LocalDate decisionOn) {
            put("certificateNo", certificateNo);
            put("decisionOn", decisionOn.toString());
            put("issuedOn", decisionOn.toString());
            put("expiresOn", decisionOn.plusYears(3).minusDays(1).toString());
            put("status", "VALID");
            return this;
        }
    }
}
