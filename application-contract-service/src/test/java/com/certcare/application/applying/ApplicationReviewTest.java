package com.certcare.application.applying;

import static com.certcare.application.applying.Applicants.PUBLIC;
import static com.certcare.application.applying.Applicants.SECRET;
import static com.certcare.application.applying.Applicants.STAFF;
import static com.certcare.application.applying.Applicants.counts;
import static com.certcare.application.applying.Applicants.fullReview;
import static com.certcare.application.applying.Applicants.transition;
import static com.certcare.application.applying.Applicants.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.application.TestFiles;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Market reviews applications (17021-1 9.1.2): a request for information answered on the status page, the checklist
 * that accepting needs, the decision with reasons the applicant sees; every forbidden step is a 409 that changes
 * nothing; every step in the history.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class ApplicationReviewTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aRequestForInformationIsAnsweredOnTheStatusPageAndTheReviewGoesOn() {
        Map<String, String> app = Applicants.submitted("问询测试有限公司");
        long id = Applicants.idOf(db, app.get("reference"));
        transition(id, "start-review", Map.of()).statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        transition(id, "request-info", Map.of()).statusCode(400).body("errors.field", contains("question"));
        transition(id, "request-info", Map.of("question", "请补充多场所清单")).statusCode(200)
                .body("status", equalTo("NEEDS_INFO"))
                .body("thread[0].kind", equalTo("REQUEST")).body("thread[0].author", equalTo("mei"));
        given().header(SECRET, app.get("secret")).when().get(PUBLIC + "/" + app.get("reference")).then().statusCode(200)
                .body("status", equalTo("NEEDS_INFO")).body("thread[0].text", equalTo("请补充多场所清单"));
        // the answer, with a file
        given().config(TestFiles.browserMultipart()).header(SECRET, app.get("secret"))
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("场所清单见附件").controlName("text")
                        .mimeType("text/plain").charset("UTF-8").build())
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(TestFiles.pdf("sites")).fileName("场所清单.pdf")
                        .controlName("OTHER").mimeType("application/pdf").build())
                .when().post(PUBLIC + "/" + app.get("reference") + "/answers").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("thread.kind", contains("REQUEST", "ANSWER"))
                .body("thread[1].attachments", contains("场所清单.pdf"));
        JsonPath detail = given().when().get(STAFF + "/" + id).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("thread[1].author", equalTo("applicant"))
                .body("attachments.kind", contains("BUSINESS_LICENCE", "OTHER"))
                .extract().jsonPath();
        // the staff download is the bytes sent
        String url = detail.getString("attachments[1].downloadUrl");
        byte[] bytes = given().when().get(url).then().statusCode(200).contentType("application/pdf")
                .header("ETag", "\"" + TestFiles.sha256(TestFiles.pdf("sites")) + "\"").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(TestFiles.pdf("sites"), bytes);
        // a second answer is not asked for
        Map<String, String> before = counts(db);
        given().config(TestFiles.browserMultipart()).header(SECRET, app.get("secret")).multiPart("text", "again")
                .when().post(PUBLIC + "/" + app.get("reference") + "/answers").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("forbidden-transition"))
                .body("detail", containsString("UNDER_REVIEW"));
        assertEquals(before, counts(db));
    }

    @Test
    void acceptingNeedsEveryChecklistItemYesAndPublishesWhatAContractNeeds() {
        Map<String, String> app = Applicants.submitted("受理测试有限公司");
        long id = Applicants.idOf(db, app.get("reference"));
        transition(id, "start-review", Map.of()).statusCode(200);
        Map<String, String> before = counts(db);
        transition(id, "accept", Map.of("reasons", "同意受理")).statusCode(400)
                .body("errors.field", containsInAnyOrder("review.informationSufficient", "review.scopeWithinAccreditation",
                        "review.competenceAvailable", "review.sitesCovered", "review.languageCovered",
                        "review.safetyConsidered", "review.impartialityNoConflict", "review.auditDays"));
        assertEquals(before, counts(db));
        Map<String, Object> review = fullReview(version(id));
        review.put("safetyConsidered", false);
        given().contentType(ContentType.JSON).body(review).when().put(STAFF + "/" + id + "/review").then().statusCode(200)
                .body("review.open", contains("safetyConsidered"));
        transition(id, "accept", Map.of()).statusCode(400).body("errors.field", contains("review.safetyConsidered"));
        given().contentType(ContentType.JSON).body(fullReview(version(id))).when().put(STAFF + "/" + id + "/review").then()
                .statusCode(200).body("review.open.size()", equalTo(0)).body("review.auditDays", equalTo(4.5f));
        transition(id, "accept", Map.of("reasons", "评审通过，同意受理")).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedAt", notNullValue())
                .body("decisionReasons", equalTo("评审通过，同意受理"));
        given().header(SECRET, app.get("secret")).when().get(PUBLIC + "/" + app.get("reference")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decisionReasons", equalTo("评审通过，同意受理"));
        String envelope = Applicants.query(db, "select envelope::text from outbox_event where type = 'ApplicationAccepted'"
                + " and aggregate_key = '" + app.get("reference") + "'").get(0);
        JsonPath event = JsonPath.from(envelope);
        assertEquals("受理测试有限公司", event.getString("data.organisation.name"));
        assertEquals(Applicants.CREDIT_CODE, event.getString("data.organisation.creditCode"));
        assertEquals("13800138000", event.getString("data.contact.phone"));
        assertEquals(List.of("QMS"), event.getList("data.schemes"));
        assertEquals("杭州市余杭区示例路2号", event.getString("data.sites[0].address"));
        assertEquals("mei", event.getString("data.acceptedBy"));
    }

    @Test
    void rejectingNeedsReasonsAndTheApplicantSeesThem() {
        Map<String, String> app = Applicants.submitted("不予受理有限公司");
        long id = Applicants.idOf(db, app.get("reference"));
        transition(id, "start-review", Map.of()).statusCode(200);
        transition(id, "reject", Map.of()).statusCode(400).body("errors.field", contains("reasons"));
        transition(id, "reject", Map.of("reasons", "认证范围超出本机构认可范围")).statusCode(200).body("status", equalTo("REJECTED"));
        given().header(SECRET, app.get("secret")).when().get(PUBLIC + "/" + app.get("reference")).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReasons", equalTo("认证范围超出本机构认可范围"));
    }

    @Test
    void eachForbiddenTransitionIsA409NamingFromAndToAndChangesNothing() {
        Map<String, String> app = Applicants.submitted("禁止变更有限公司");
        long id = Applicants.idOf(db, app.get("reference"));
        Map<String, String> before = counts(db);
        // accept, reject, request-info a SUBMITTED; submit it again
        for (String step : List.of("accept", "reject", "request-info", "submit")) {
            transition(id, step, Map.of("reasons", "x", "question", "x")).statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("forbidden-transition"))
                    .body("detail", containsString("SUBMITTED"));
        }
        transition(id, "accept", Map.of()).body("detail", equalTo("当前状态“SUBMITTED”不能变更为“ACCEPTED”。"));
        // the applicant answers when nothing was asked
        given().config(TestFiles.browserMultipart()).header(SECRET, app.get("secret")).multiPart("text", "答复")
                .when().post(PUBLIC + "/" + app.get("reference") + "/answers").then().statusCode(409);
        // the review checklist before the review
        given().contentType(ContentType.JSON).body(fullReview(version(id))).when().put(STAFF + "/" + id + "/review").then()
                .statusCode(409).body("code", equalTo("not-under-review"));
        assertEquals(before, counts(db));
        // a stale version
        transition(id, "start-review", Map.of("version", version(id) + 1)).statusCode(409).body("code", equalTo("stale"));
        assertEquals(before, counts(db));
        // withdrawn by the applicant: nothing more, by anyone
        given().contentType(ContentType.JSON).header(SECRET, app.get("secret")).body(Map.of("reason", "暂缓认证"))
                .when().post(PUBLIC + "/" + app.get("reference") + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        Map<String, String> withdrawn = counts(db);
        for (String step : List.of("start-review", "accept", "reject", "request-info", "submit", "withdraw")) {
            transition(id, step, Map.of("reasons", "x", "question", "x")).statusCode(409)
                    .body("code", equalTo("forbidden-transition")).body("detail", containsString("WITHDRAWN"));
        }
        given().contentType(ContentType.JSON).header(SECRET, app.get("secret")).body(Map.of())
                .when().post(PUBLIC + "/" + app.get("reference") + "/withdraw").then().statusCode(409);
        given().config(TestFiles.browserMultipart())
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(TestFiles.pdf("late")).fileName("late.pdf")
                        .controlName("OTHER").mimeType("application/pdf").build())
                .when().post(STAFF + "/" + id + "/attachments").then().statusCode(409);
        assertEquals(withdrawn, counts(db));
    }

    @Test
    void marketEntersADraftOnAClientsBehalfAttachesAndSubmits() {
        Map<String, Object> form = Applicants.form("代填申请有限公司", "QMS", "EMS");
        JsonPath created = given().contentType(ContentType.JSON).body(form).when().post(STAFF).then().statusCode(201)
                .header("Location", containsString(STAFF + "/"))
                .body("status", equalTo("DRAFT")).body("enteredOnBehalf", equalTo(true)).body("publicAccess", equalTo(false))
                .body("formNumber", equalTo("ZLCX-16-01"))
                .body("requiredAttachments", contains("BUSINESS_LICENCE"))
                .body("sites[0].headCount", equalTo(80))
                .extract().jsonPath();
        long id = created.getLong("id");
        // no licence yet
        transition(id, "submit", Map.of()).statusCode(400).body("errors.field", contains("attachments.BUSINESS_LICENCE"));
        // a correction while DRAFT, then a stale one
        form.put("scope", "机械零部件的生产和销售");
        form.put("version", created.getInt("version"));
        given().contentType(ContentType.JSON).body(form).when().put(STAFF + "/" + id).then().statusCode(200)
                .body("scope", equalTo("机械零部件的生产和销售"));
        given().contentType(ContentType.JSON).body(form).when().put(STAFF + "/" + id).then().statusCode(409)
                .body("code", equalTo("stale"));
        given().config(TestFiles.browserMultipart())
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(PublicApplicationTest.png()).fileName("执照.png")
                        .controlName("BUSINESS_LICENCE").mimeType("image/png").build())
                .when().post(STAFF + "/" + id + "/attachments").then().statusCode(200)
                .body("attachments.kind", contains("BUSINESS_LICENCE")).body("attachments[0].contentType", equalTo("image/png"));
        transition(id, "submit", Map.of()).statusCode(200).body("status", equalTo("SUBMITTED")).body("submittedAt", notNullValue());
        // no longer editable
        form.put("version", version(id));
        given().contentType(ContentType.JSON).body(form).when().put(STAFF + "/" + id).then().statusCode(409)
                .body("code", equalTo("not-editable"));
        // staff withdraw with a reason
        transition(id, "withdraw", Map.of("reason", "客户电话撤回")).statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void theHistoryRecordsEveryStepWithWhoAndWhy() {
        Map<String, String> app = Applicants.submitted("历史记录有限公司");
        long id = Applicants.idOf(db, app.get("reference"));
        transition(id, "start-review", Map.of("reason", "开始评审")).statusCode(200);
        transition(id, "request-info", Map.of("question", "请补充营业执照副本")).statusCode(200);
        transition(id, "withdraw", Map.of("reason", "客户撤回")).statusCode(200);
        given().when().get(STAFF + "/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.field == 'status' }.newValue", contains("WITHDRAWN", "NEEDS_INFO", "UNDER_REVIEW", "SUBMITTED"))
                .body("items.findAll { it.field == 'status' }.changedBy", contains("mei", "mei", "mei", "applicant"))
                .body("items.find { it.field == 'status' && it.newValue == 'WITHDRAWN' }.reason", equalTo("客户撤回"))
                .body("items.find { it.field == 'status' && it.newValue == 'WITHDRAWN' }.oldValue", equalTo("NEEDS_INFO"))
                .body("items.find { it.field == 'status' && it.newValue == 'UNDER_REVIEW' }.reason", equalTo("开始评审"))
                .body("items.find { it.entity == 'message' && it.field == 'kind' }.newValue", equalTo("REQUEST"))
                .body("items.find { it.entity == 'attachment' && it.field == 'fileName' }.newValue", equalTo("营业执照.pdf"))
                .body("items.field", hasItems("name", "creditCode", "schemes"));
    }

    @Test
    void theInboxFiltersBySchemeProvinceStatusTextAndOverdue() {
        String tag = Long.toString(System.nanoTime(), 36);
        Map<String, String> late = Applicants.submitted("逾期" + tag + "有限公司");
        Map<String, String> fresh = Applicants.submitted("及时" + tag + "有限公司");
        long lateId = Applicants.idOf(db, late.get("reference"));
        Applicants.execute(db, "update application set submitted_at = now() - interval '10 days' where id = " + lateId);
        given().queryParam("q", tag).queryParam("overdue", true).when().get(STAFF).then().statusCode(200)
                .body("items.reference", contains(late.get("reference"))).body("items[0].overdue", equalTo(true));
        given().queryParam("q", tag).queryParam("overdue", false).when().get(STAFF).then().statusCode(200)
                .body("items.reference", contains(fresh.get("reference"))).body("items[0].overdue", equalTo(false));
        given().queryParam("q", tag).queryParam("scheme", "QMS").queryParam("province", "330000").queryParam("status", "SUBMITTED")
                .queryParam("sort", "reference,desc").when().get(STAFF).then().statusCode(200)
                .body("total", equalTo(2)).body("items.reference", contains(fresh.get("reference"), late.get("reference")));
        given().queryParam("q", tag).queryParam("scheme", "EMS").when().get(STAFF).then().statusCode(200).body("total", equalTo(0));
        given().queryParam("q", late.get("reference")).when().get(STAFF).then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", "100%_").when().get(STAFF).then().statusCode(200);
        given().queryParam("sort", "secret").when().get(STAFF).then().statusCode(400).body("errors.field", hasItem("sort"));
        given().queryParam("status", "LOST").when().get(STAFF).then().statusCode(400).body("errors.field", hasItem("status"));
        given().when().get(STAFF + "/" + lateId).then().statusCode(200).body("overdue", equalTo(true))
                .body("reviewDueOn", notNullValue()).body("historyUrl", equalTo(STAFF + "/" + lateId + "/history"));
        given().when().get(STAFF + "/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dora", roles = "department")
    void departmentIsRefusedEverything() {
        given().when().get(STAFF).then().statusCode(403).contentType("application/problem+json");
        given().when().get(STAFF + "/1").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Applicants.form("部门有限公司", "QMS")).when().post(STAFF).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "audrey", roles = "auditor")
    void anAuditorReadsButChangesNothing() {
        Map<String, String> app = Applicants.submitted("审核员只读有限公司");
        long id = Applicants.idOf(db, app.get("reference"));
        given().when().get(STAFF).then().statusCode(200);
        given().when().get(STAFF + "/" + id).then().statusCode(200);
        given().when().get(STAFF + "/" + id + "/history").then().statusCode(200);
        Map<String, String> before = counts(db);
        given().contentType(ContentType.JSON).body(Map.of("version", 0)).when().post(STAFF + "/" + id + "/start-review").then()
                .statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Applicants.form("审核员有限公司", "QMS")).when().post(STAFF).then().statusCode(403);
        given().contentType(ContentType.JSON).body(fullReview(0)).when().put(STAFF + "/" + id + "/review").then().statusCode(403);
        assertEquals(before, counts(db));
    }
}
