package com.certcare.survey.campaign;

import static com.certcare.survey.Surveys.WAIT;
import static com.certcare.survey.Surveys.as;
import static com.certcare.survey.Surveys.body;
import static com.certcare.survey.Surveys.answers;
import static com.certcare.survey.Surveys.campaign;
import static com.certcare.survey.Surveys.dispatchOf;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.freshQuarter;
import static com.certcare.survey.Surveys.market;
import static com.certcare.survey.Surveys.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.certcare.survey.GreenMailResource;
import com.certcare.survey.TestClock;
import com.certcare.survey.mail.MailJob;
import com.certcare.testsupport.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Campaigns and their mail through a real SMTP server (GreenMail): a quarter's campaign gathers the due clients and
 * invites each by e-mail with a one-time link (no address: FAILED with the reason, for phone or fax); reminders go
 * by the clock only to those who have not answered, at most the configured number; a link runs out; only market
 * writes; bad input is a 400 naming the field.
 */
@QuarkusTest
class CampaignMailTest {

    @Inject
    MailJob mails;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String address() {
        return "survey-" + UUID.randomUUID() + "@example.cn";
    }

    static JsonPath dispatch(long id) {
        return market().get("/api/surveys/dispatches/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A due client asked in a fresh campaign, its invitation delivered and the dispatch SENT. */
    static long invited(String name, String address) throws Exception {
        long client = dueClient(name, address); // due before the campaign gathers the due clients
        long d = dispatchOf(campaign(), client);
        GreenMailResource.await(address, 1, WAIT);
        awaitStatus(d, "SENT");
        return d;
    }

    static void awaitStatus(long dispatch, String status) {
        KafkaTopics.eventually(WAIT, () -> assertEquals(status, dispatch(dispatch).getString("status")));
    }

    @Test
    void invitationsAndRemindersGoOnlyToThoseWhoHaveNotAnsweredAtMostTwice() throws Exception {
        String a = address();
        String b = address();
        long clientA = dueClient("无锡甲机械有限公司", a);
        long clientB = dueClient("无锡乙电子有限公司", b);
        long clientC = dueClient("无锡丙化工有限公司", null);
        JsonPath campaign = campaign();
        long dA = dispatchOf(campaign, clientA);
        long dB = dispatchOf(campaign, clientB);
        long dC = dispatchOf(campaign, clientC);

        Message invitation = GreenMailResource.await(a, 1, WAIT).get(0);
        assertTrue(GreenMailResource.subject(invitation).contains("GBCX-16-03"), GreenMailResource.subject(invitation));
        String text = GreenMailResource.text(invitation);
        assertTrue(text.contains("无锡甲机械有限公司") && text.contains("http://localhost:5173/survey/"), text);
        GreenMailResource.await(b, 1, WAIT);
        awaitStatus(dA, "SENT");
        awaitStatus(dB, "SENT");
        JsonPath noMail = dispatch(dC);
        assertEquals("FAILED", noMail.getString("status"));
        assertTrue(noMail.getString("failureReason").contains("no e-mail"), noMail.getString("failureReason"));
        assertEquals("s***@example.cn", dispatch(dA).getString("email"));

        given(token(invitation)).contentType(ContentType.JSON).body(body(answers(5)))
                .post().then().statusCode(201);

        clock.advance(Duration.ofDays(8));
        mails.run();
        GreenMailResource.await(b, 2, WAIT);
        assertEquals(1, GreenMailResource.to(a).size(), "no reminder to the client who answered");
        List<Message> toB = GreenMailResource.to(b);
        assertTrue(GreenMailResource.subject(toB.get(1)).startsWith("提醒"), GreenMailResource.subject(toB.get(1)));
        assertNotEquals(token(toB.get(0)), token(toB.get(1)), "each mail carries a fresh link");

        mails.run(); // the same day again: nothing new
        clock.advance(Duration.ofDays(8));
        mails.run();
        GreenMailResource.await(b, 3, WAIT);
        clock.advance(Duration.ofDays(8));
        mails.run();
        assertEquals(3, GreenMailResource.to(b).size(), "at most two reminders");
        assertEquals(2, dispatch(dB).getInt("remindersSent"));
        market().post("/api/surveys/dispatches/" + dB + "/remind").then().statusCode(409)
                .body("code", equalTo("survey-reminders-exhausted"));
        market().post("/api/surveys/dispatches/" + dC + "/remind").then().statusCode(409)
                .body("code", equalTo("survey-not-invited"));
        market().post("/api/surveys/dispatches/" + dA + "/remind").then().statusCode(409)
                .body("code", equalTo("survey-already-answered"));

        JsonPath view = market().get("/api/surveys/campaigns/" + campaign.getLong("id")).then().statusCode(200)
                .extract().jsonPath();
        int dispatched = view.getInt("dispatched");
        assertEquals(dispatched, market().get("/api/surveys/campaigns/" + campaign.getLong("id") + "/dispatches")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(1, view.getInt("answered"));
        // compared as numbers: JsonPath reads 25.00 as the double 25.0
        BigDecimal expected = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(dispatched), 2, RoundingMode.HALF_UP);
        BigDecimal rate = new BigDecimal(view.getString("responseRate"));
        assertEquals(0, expected.compareTo(rate), expected + " != " + rate);
        as("leader").get("/api/surveys/campaigns").then().statusCode(200)
                .body("quarter", hasItem(campaign.getString("quarter")));
    }

    static io.restassured.specification.RequestSpecification given(String token) {
        return io.restassured.RestAssured.given().basePath("/api/public/surveys/" + token);
    }

    @Test
    void aReminderSentByHandGoesAtOnce() throws Exception {
        String address = address();
        long d = invited("常州丁纺织有限公司", address);
        as("leader").post("/api/surveys/dispatches/" + d + "/remind").then().statusCode(403);
        market().post("/api/surveys/dispatches/" + d + "/remind").then().statusCode(200);
        GreenMailResource.await(address, 2, WAIT);
        KafkaTopics.eventually(WAIT, () -> assertEquals(1, dispatch(d).getInt("remindersSent")));
    }

    @Test
    void aLinkRunsOutAfterItsDays() throws Exception {
        String address = address();
        long client = dueClient("扬州戊食品有限公司", address);
        long d = dispatchOf(campaign(), client);
        String token = token(GreenMailResource.await(address, 1, WAIT).get(0));
        given(token).get().then().statusCode(200);
        clock.advance(Duration.ofDays(31));
        given(token).header("Accept-Language", "en").get().then().statusCode(410)
                .contentType("application/problem+json").body("title", equalTo("Link expired"));
        given(token).contentType(ContentType.JSON).body(body(answers(4))).post().then().statusCode(410)
                .body("detail", containsString("已过期"));
        mails.run();
        assertEquals("EXPIRED", dispatch(d).getString("status"));
        market().post("/api/surveys/dispatches/" + d + "/remind").then().statusCode(410);
    }

    /**
     * An address the mail client cannot use (customer-service checks addresses; a bad one can still come from an
     * import or an older record): the send fails and the reason stays on the dispatch for market, who phones instead.
     * (Stopping the test SMTP server to fail a send was tried: the Vert.x mail client's first connection after
     * GreenMail restarted hung until the server's 30 s socket timeout.)
     */
    @Test
    void aFailedSendIsRecordedOnTheDispatch() throws Exception {
        long client = dueClient("徐州寅重工有限公司", "no-at-sign.example.cn");
        long d = dispatchOf(campaign(), client);
        KafkaTopics.eventually(WAIT, () -> assertEquals("FAILED", dispatch(d).getString("status")));
        String reason = dispatch(d).getString("failureReason");
        assertTrue(reason.startsWith("mail not sent: "), reason);
        market().post("/api/surveys/dispatches/" + d + "/remind").then().statusCode(409)
                .body("code", equalTo("survey-not-invited"));
        as("auditor").get("/api/surveys/dispatches/" + d).then().statusCode(403);
        market().contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "answers", answers(4)))
                .post("/api/surveys/dispatches/" + d + "/responses").then().statusCode(201);
    }

    /**
     * The sender died between claiming a mail and recording its outcome: after the claim timeout (by the database's
     * clock) the mail is pending again and goes out — twice rather than never; a fresh claim is left alone.
     */
    @Test
    void aClaimLeftByACrashIsSentAgainAfterItsTimeout() throws Exception {
        String address = address();
        long d = invited("南通己船舶有限公司", address);
        long stale = claimed(d, "1 hour");
        long fresh = claimed(d, "1 second");
        mails.sendPending();
        List<Message> mails = GreenMailResource.await(address, 2, WAIT);
        assertTrue(GreenMailResource.subject(mails.get(1)).startsWith("提醒"), GreenMailResource.subject(mails.get(1)));
        given(token(mails.get(1))).get().then().statusCode(200);
        assertEquals("SENT", mailStatus(stale));
        assertEquals("SENDING", mailStatus(fresh));
        assertEquals(1, dispatch(d).getInt("remindersSent"));
    }

    /**
     * A mail whose sending stops the sender every time (claimed max-claims times, each claim left behind) is FAILED
     * with the reason, on its dispatch too, and never claimed again; one left behind fewer times is sent again.
     */
    @Test
    void aMailLeftBehindAtEveryClaimIsGivenUpWithTheReason() throws Exception {
        String address = address();
        long d = invited("南通庚船舶有限公司", address);
        long doomed = claimed(d, "1 hour", 3);
        mails.sendPending();
        assertEquals("FAILED", mailStatus(doomed));
        assertTrue(mailError(doomed).contains("3 attempts"), mailError(doomed));
        JsonPath dispatch = dispatch(d);
        assertEquals("FAILED", dispatch.getString("status"));
        assertTrue(dispatch.getString("failureReason").contains("3 attempts"), dispatch.prettify());
        assertEquals(1, GreenMailResource.await(address, 1, WAIT).size(), "the invitation only, no reminder sent");

        long d2 = invited("南通辛船舶有限公司", address());
        long retried = claimed(d2, "1 hour", 2);
        mails.sendPending();
        assertEquals("SENT", mailStatus(retried));
        assertEquals(3, mailAttempts(retried), "claimed once more, and counted");
    }

    @Inject
    jakarta.persistence.EntityManager em;

    /** A reminder the job claimed {@code ago} and never finished, as a crash leaves it. */
    long claimed(long dispatch, String ago) {
        return claimed(dispatch, ago, 1);
    }

    /** The same, claimed {@code attempts} times so far. */
    @jakarta.transaction.Transactional
    long claimed(long dispatch, String ago, int attempts) {
        return ((Number) em.createNativeQuery("""
                insert into survey_mail (dispatch_id, kind, status, created_at, claimed_at, attempts)
                values (?1, 'REMINDER', 'SENDING', now(), now() - cast(?2 as interval), ?3) returning id""")
                .setParameter(1, dispatch).setParameter(2, ago).setParameter(3, attempts).getSingleResult()).longValue();
    }

    @jakarta.transaction.Transactional
    String mailError(long id) {
        return (String) em.createNativeQuery("select error from survey_mail where id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    @jakarta.transaction.Transactional
    int mailAttempts(long id) {
        return ((Number) em.createNativeQuery("select attempts from survey_mail where id = ?1").setParameter(1, id)
                .getSingleResult()).intValue();
    }

    @jakarta.transaction.Transactional
    String mailStatus(long id) {
        return (String) em.createNativeQuery("select status from survey_mail where id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    @Test
    void aCampaignIsOnePerQuarterAndBadInputIsNamed() {
        String quarter = freshQuarter();
        market().contentType(ContentType.JSON).body(Map.of("quarter", quarter)).post("/api/surveys/campaigns").then()
                .statusCode(201).body("quarter", equalTo(quarter)).body("templateCode", equalTo("16-03"));
        market().contentType(ContentType.JSON).body(Map.of("quarter", quarter)).post("/api/surveys/campaigns").then()
                .statusCode(409).body("code", equalTo("campaign-exists"));
        market().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("quarter", "2026Q3"))
                .post("/api/surveys/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("quarter"))
                .body("errors[0].message", equalTo("A quarter looks like yyyy-Qn, e.g. 2026-Q3"));
        market().contentType(ContentType.JSON).body(Map.of("quarter", freshQuarter(), "templateCode", "nope"))
                .post("/api/surveys/campaigns").then().statusCode(400).body("errors[0].field", equalTo("templateCode"));
        market().contentType(ContentType.JSON).body("").post("/api/surveys/campaigns").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        market().contentType(ContentType.JSON).body("{\"quarter\": 3}").post("/api/surveys/campaigns").then()
                .statusCode(400).body("errors[0].field", equalTo("quarter"));
        as("leader").contentType(ContentType.JSON).body(Map.of("quarter", freshQuarter()))
                .post("/api/surveys/campaigns").then().statusCode(403);
        as("auditor").get("/api/surveys/campaigns").then().statusCode(403);
        market().get("/api/surveys/campaigns/999999").then().statusCode(404).contentType("application/problem+json");
    }
}
