package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad posts get problem+json naming the field, in Chinese by default and in English on request; nothing is created. */
@QuarkusTest
class BadInputTest {

    @Test
    void aMissingBodyIsRefused() {
        as(TECH).contentType(ContentType.JSON).when().post(ITEMS).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(TECH).contentType(ContentType.JSON).body("null").when().post(ITEMS).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anEmptyBodyNamesEveryMissingFieldInChinese() {
        as(TECH).contentType(ContentType.JSON).body("{}").when().post(ITEMS).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("validation"))
                .body("title", equalTo("请求数据有误"))
                .body("errors.field", hasItems("kind", "channel", "words", "prospectName"))
                .body("errors.find { it.field == 'words' }.message", equalTo("必填"));
    }

    @Test
    void anEmptyBodyNamesEveryMissingFieldInEnglish() {
        as(TECH).header("Accept-Language", "en").contentType(ContentType.JSON).body("{}").when().post(ITEMS).then()
                .statusCode(400).body("title", equalTo("Invalid request data"))
                .body("errors.find { it.field == 'kind' }.message", equalTo("Required"));
    }

    @Test
    void anUnknownEnumValueIsNamed() {
        Map<String, Object> body = Feedback.body("GRIEVANCE", "未知种类");
        as(TECH).contentType(ContentType.JSON).body(body).when().post(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("kind"));
        Map<String, Object> channel = Feedback.body("OPINION", "未知渠道");
        channel.put("channel", "PIGEON");
        as(TECH).header("Accept-Language", "en").contentType(ContentType.JSON).body(channel).when().post(ITEMS).then()
                .statusCode(400).body("errors.field", hasItem("channel"));
    }

    @Test
    void aClientSystemChangeNeedsAKnownCustomer() {
        Map<String, Object> change = Feedback.body("CLIENT_SYSTEM_CHANGE", "管理体系范围扩大");
        change.remove("prospectName");
        as(TECH).contentType(ContentType.JSON).body(change).when().post(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("customerId"));
        change.put("customerId", 987_654_321L);
        as(TECH).header("Accept-Language", "en").contentType(ContentType.JSON).body(change).when().post(ITEMS).then()
                .statusCode(400).body("errors.find { it.field == 'customerId' }.message",
                        equalTo("Customer 987654321 is not in the customer registry"));
    }

    @Test
    void aReceivedTimeIsAnIsoDateTimeNotInTheFuture() {
        Map<String, Object> body = Feedback.body("OPINION", "时间有误");
        body.put("receivedAt", 1);
        as(TECH).contentType(ContentType.JSON).body(body).when().post(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("receivedAt"));
        body.put("receivedAt", "2999-01-01T00:00:00+08:00");
        as(TECH).contentType(ContentType.JSON).body(body).when().post(ITEMS).then().statusCode(400)
                .body("errors.find { it.field == 'receivedAt' }.message", equalTo("不能晚于当前时间"));
        body.put("receivedAt", "2026-03-16T09:30:00+08:00");
        as(TECH).contentType(ContentType.JSON).body(body).when().post(ITEMS).then().statusCode(201)
                .body("receivedAt", equalTo("2026-03-16T01:30:00Z"));
    }
}
