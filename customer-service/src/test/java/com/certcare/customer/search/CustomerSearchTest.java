package com.certcare.customer.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.certcare.customer.TestData;
import com.certcare.customer.certification.CustomerView;
import com.certcare.platform.web.ListPage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every filter of the customer list, alone and combined, with sorting and paging. The data set is
 * tagged so only this class's customers count.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSearchTest {

    private final String tag = TestData.tag();
    private long zhonglan;
    private long hangtian;
    private long xinghe;

    private boolean loaded;

    @Inject
    CustomerSearch search;

    @Inject
    jakarta.persistence.EntityManager em;

    /** Once per class; in @BeforeEach because RestAssured learns the random test port only then. */
    @BeforeEach
    void loadCustomers() {
        if (loaded) {
            return;
        }
        loaded = true;
        zhonglan = customer(tag + "浙江中澜科技有限公司", "330000", "33.02.01", "张伟", "13900001111");
        certification(zhonglan, TestData.certification("QMS").valid("ZL-QMS-" + tag, LocalDate.of(2026, 3, 15))
                .with("contractNo", "HT-ZL-" + tag)
                .with("initialAuditFee", new BigDecimal("15000.00")).with("surveillanceFee", new BigDecimal("7000.00"))
                .with("auditDates", Map.of("stage1", "2026-02-01", "stage2", "2026-03-01")));
        certification(zhonglan, TestData.certification("EMS").with("initialAuditFee", new BigDecimal("9000.00")));

        hangtian = customer(tag + "江苏航天精密机械有限公司", "320000", "18.01.01", "李娜", "025-84561234");
        certification(hangtian, TestData.certification("QMS").valid("HT-QMS-" + tag, LocalDate.of(2026, 6, 1))
                .with("initialAuditFee", new BigDecimal("30000.00"))
                .with("auditDates", Map.of("stage1", "2026-05-01", "stage2", "2026-05-20")));

        xinghe = customer(tag + "北京星河物流有限公司", "110000", "31.01.01", "赵磊", "010-66668888");
        certification(xinghe, TestData.certification("OHSMS").with("status", "CONTRACTED").with("auditDates", Map.of())
                .with("initialAuditFee", new BigDecimal("5000.00")));
    }

    private long customer(String name, String province, String code, String contact, String phone) {
        return given().contentType(ContentType.JSON)
                .body(TestData.customer(name).with("provinceCode", province).with("postalCode", null)
                        .with("professionalCodes", List.of(code))
                        .with("contacts", List.of(Map.of("name", contact, "phone", phone, "primary", true))))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void certification(long customerId, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/customers/" + customerId + "/certifications").then().statusCode(201);
    }

    /** The list narrowed to this class's data with {@code q=tag} unless q is given. */
    private RequestSpecification list() {
        return given().queryParam("q", tag);
    }

    private List<Long> ids(RequestSpecification request) {
        return request.when().get("/api/customers").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    @Test
    void findsChineseSubstringsOfTheName() {
        given().queryParam("q", tag + "浙江中澜").when().get("/api/customers").then().statusCode(200)
                .body("total", is(1)).body("items[0].name", containsString("中澜"));
        given().queryParam("q", "中澜科技").queryParam("province", "330000").when().get("/api/customers").then()
                .body("items.id", org.hamcrest.Matchers.hasItem((int) zhonglan));
    }

    @Test
    void findsByCertificateContractCreditCodeAndContact() {
        assertIds(given().queryParam("q", "zl-qms-" + tag.toLowerCase()), zhonglan);
        assertIds(given().queryParam("q", "HT-ZL-" + tag), zhonglan);
        assertIds(given().queryParam("q", tag + "江苏航天"), hangtian);
        String code = given().get("/api/customers/" + xinghe).then().extract().jsonPath().getString("creditCode");
        assertIds(given().queryParam("q", code), xinghe);
        assertIds(given().queryParam("q", "66668888").queryParam("province", "110000"), xinghe);
    }

    @Test
    void findsWhatAChineseInputMethodTypes() {
        // full-width digits and letters, as a Chinese input method types them, find half-width text and back
        assertIds(given().queryParam("q", "６６６６８８８８").queryParam("province", "110000"), xinghe);
        assertIds(given().queryParam("q", "ＨＴ－ＺＬ－" + fullWidth(tag)), zhonglan);
        String other = TestData.tag();
        long typedFullWidth = customer(fullWidth(other) + "ＡＢ精工有限公司", "440000", "17.01.01", "陈ＸＹ", "020-1234567");
        assertIds(given().queryParam("q", other.toLowerCase() + "ab精工"), typedFullWidth);
        assertIds(given().queryParam("q", other + " 陈xy"), typedFullWidth);
    }

    @Test
    void everyWordOfTheQueryMustMatchSomewhere() {
        assertIds(given().queryParam("q", tag + " 星河"), xinghe);
        assertIds(given().queryParam("q", tag + "\u3000星河 物流"), xinghe); // the ideographic space counts too
        assertIds(given().queryParam("q", tag + " 赵磊 星河"), xinghe); // the contact's name and the client's
        assertIds(given().queryParam("q", tag + " 有限公司"), zhonglan, hangtian, xinghe);
        assertIds(given().queryParam("q", tag + " 星河 航天")); // no client has both
        assertIds(given().queryParam("q", "HT-QMS-" + tag + " 航天"), hangtian); // a certificate number and a name
        // the statistics and the export read the same filter
        given().queryParam("q", tag + " 星河").queryParam("groupBy", "PROVINCE").when().get("/api/customers/statistics")
                .then().statusCode(200).body("key", contains("110000")).body("customers", contains(1));
        given().queryParam("q", "a b c d e f g h i").header("Accept-Language", "en").when().get("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("q"))
                .body("errors[0].message", equalTo("At most 8 words (separated by spaces)"));
    }

    private static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        ascii.chars().forEach(c -> b.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return b.toString();
    }

    @Test
    void filtersByProvinceStatusSchemeAndProfessionalCode() {
        assertIds(list().queryParam("province", "320000"), hangtian);
        assertIds(list().queryParam("province", "320000").queryParam("province", "110000"), hangtian, xinghe);
        assertIds(list().queryParam("status", "VALID"), zhonglan, hangtian);
        assertIds(list().queryParam("status", "CONTRACTED"), xinghe);
        assertIds(list().queryParam("scheme", "EMS"), zhonglan);
        assertIds(list().queryParam("professionalCode", "18.01.01"), hangtian);
    }

    @Test
    void certificationCriteriaMustHoldForOneRecord() {
        // zhonglan's EMS record is APPLYING; its VALID record is QMS: VALID + EMS matches nothing
        assertIds(list().queryParam("status", "VALID").queryParam("scheme", "EMS"));
        assertIds(list().queryParam("status", "VALID").queryParam("scheme", "QMS"), zhonglan, hangtian);
    }

    @Test
    void filtersByDateRanges() {
        assertIds(list().queryParam("auditFrom", "2026-05-01").queryParam("auditTo", "2026-05-31"), hangtian);
        assertIds(list().queryParam("auditTo", "2026-03-01"), zhonglan);
        // zhonglan: decision 2026-03-15 plans 2027-03-14; hangtian: 2026-06-01 plans 2027-05-31
        assertIds(list().queryParam("surveillanceFrom", "2027-03-01").queryParam("surveillanceTo", "2027-03-31"), zhonglan);
        assertIds(list().queryParam("surveillanceFrom", "2027-05-01").queryParam("surveillanceTo", "2027-06-30"), hangtian);
        assertIds(list().queryParam("expiresFrom", "2029-05-01"), hangtian);
        assertIds(list().queryParam("expiresTo", "2029-03-31"), zhonglan);
    }

    @Test
    void filtersByFeeRanges() {
        assertIds(list().queryParam("initialFeeMin", "20000"), hangtian);
        assertIds(list().queryParam("initialFeeMax", "9000.00"), zhonglan, xinghe);
        assertIds(list().queryParam("initialFeeMin", "8999.99").queryParam("initialFeeMax", "9000.01"), zhonglan);
        assertIds(list().queryParam("surveillanceFeeMin", "6500"), zhonglan);
    }

    @Test
    void bothWaysOfMatchingRecordsGiveTheSamePages() {
        // no transaction here: the list is a heavy read and opens its own
        // the list reads a page either through the set of matching customers or by probing each customer in
        // sort order, chosen by the count; both must list the same customers in the same order
        CustomerFilter byFee = new CustomerFilter();
        byFee.q = tag;
        byFee.initialFeeMin = "8000";
        byFee.expiresTo = "2029-12-31";
        for (long limit : new long[] { 0, Long.MAX_VALUE }) {
            ListPage<CustomerView> page = search.list(byFee, List.of("expiresOn,desc"), 1, 20, limit)
                    .await().indefinitely();
            org.junit.jupiter.api.Assertions.assertEquals(List.of(hangtian, zhonglan),
                    page.items().stream().map(CustomerView::id).toList(), "match-set limit " + limit);
            org.junit.jupiter.api.Assertions.assertEquals(2, page.total());
        }
    }

    @Test
    @Transactional
    void countsRecordOnlyFiltersFromTheRecordsAsTheCustomerRowsWould() {
        // without customer criteria the total comes from the certification records alone; it must be the
        // number of customers the list's own predicate finds (all customers in the database, not just this class's)
        CustomerFilter fees = new CustomerFilter();
        fees.initialFeeMin = "8000";
        CustomerFilter validAndExpiring = new CustomerFilter();
        validAndExpiring.status = List.of("VALID");
        validAndExpiring.scheme = List.of("QMS");
        validAndExpiring.expiresTo = "2029-12-31";
        CustomerFilter audited = new CustomerFilter();
        audited.auditFrom = "2026-02-01";
        audited.auditTo = "2026-05-31";
        for (CustomerFilter filter : List.of(fees, validAndExpiring, audited)) {
            CustomerFilter.Criteria criteria = filter.criteria();
            SqlParams p = new SqlParams();
            long byCustomerRows = ((Number) p.applyTo(em.createNativeQuery("select count(*) from client c where "
                    + CustomerSearch.where(criteria, p, CustomerSearch.RecordMatch.PROBE))).getSingleResult()).longValue();
            org.junit.jupiter.api.Assertions.assertTrue(byCustomerRows >= 2, "this class's customers at least");
            org.junit.jupiter.api.Assertions.assertEquals(byCustomerRows, search.count(criteria));
        }
    }

    @Test
    void sortsOnAnyColumnAndPagesWithTheTotal() {
        assertOrdered(list().queryParam("sort", "provinceCode"), xinghe, hangtian, zhonglan);
        assertOrdered(list().queryParam("sort", "provinceCode,desc"), zhonglan, hangtian, xinghe);
        assertOrdered(list().queryParam("sort", "expiresOn"), zhonglan, hangtian, xinghe);
        assertOrdered(list().queryParam("sort", "certifications,desc").queryParam("sort", "id"), zhonglan, hangtian, xinghe);
        assertOrdered(list().queryParam("sort", "createdAt,desc"), xinghe, hangtian, zhonglan);

        list().queryParam("sort", "id").queryParam("page", 2).queryParam("size", 2)
                .when().get("/api/customers").then().statusCode(200)
                .body("total", is(3)).body("page", is(2)).body("size", is(2))
                .body("items.id", contains((int) xinghe));
    }

    @Test
    void showsTheValuesTheExpiryAndSurveillanceSortsUse() {
        io.restassured.path.json.JsonPath page = list().queryParam("sort", "name").when().get("/api/customers").then()
                .statusCode(200).extract().jsonPath();
        // zhonglan: a VALID QMS record and an APPLYING EMS one without expiry -> the QMS record's dates
        Map<String, Object> zl = page.getMap("items.find { it.id == " + zhonglan + " }");
        Map<String, Object> qms = page.getMap("items.find { it.id == " + zhonglan + " }.certifications.find { it.scheme == 'QMS' }");
        org.junit.jupiter.api.Assertions.assertNotNull(qms.get("expiresOn"));
        org.junit.jupiter.api.Assertions.assertEquals(qms.get("expiresOn"), zl.get("expiresOn"));
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        @SuppressWarnings("unchecked")
        Object next = ((List<String>) qms.get("plannedSurveillanceDates")).stream()
                .filter(d -> d.compareTo(today) >= 0).findFirst().orElse(null);
        org.junit.jupiter.api.Assertions.assertEquals(next, zl.get("nextSurveillanceOn"));
        // xinghe: only a CONTRACTED record -> no live certificate, nothing to show
        Map<String, Object> xh = page.getMap("items.find { it.id == " + xinghe + " }");
        org.junit.jupiter.api.Assertions.assertNull(xh.get("expiresOn"));
        org.junit.jupiter.api.Assertions.assertNull(xh.get("nextSurveillanceOn"));
    }

    @Test
    void listsEachCustomersCertifications() {
        list().queryParam("province", "330000").when().get("/api/customers").then()
                .body("items[0].certifications.scheme", contains("EMS", "QMS"))
                .body("items[0].certifications.find { it.scheme == 'QMS' }.initialAuditFee", equalTo("15000.00"));
    }

    @Test
    void refusesUnknownSortKeysAndBadPaging() {
        given().queryParam("sort", "password").queryParam("size", 1000).when().get("/api/customers").then()
                .statusCode(400).body("errors.field", contains("size", "sort"));
        given().queryParam("status", "SLEEPING").queryParam("expiresFrom", "2026-13-01").queryParam("initialFeeMin", "lots")
                .when().get("/api/customers").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("expiresFrom", "initialFeeMin", "status"));
    }

    private void assertIds(RequestSpecification request, long... expected) {
        List<Long> actual = ids(request.queryParam("size", 200));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Arrays.stream(expected).sorted().boxed().toList(), actual.stream().sorted().toList());
    }

    private void assertOrdered(RequestSpecification request, long... expected) {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Arrays.stream(expected).boxed().toList(), ids(request));
    }
}
