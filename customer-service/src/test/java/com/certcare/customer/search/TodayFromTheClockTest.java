package com.certcare.customer.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.certcare.customer.TestData;
import com.certcare.customer.certification.CustomerView;
import com.certcare.customer.certification.CustomerViews;
import com.certcare.platform.time.ClockProducer;
import com.certcare.platform.web.HeavyReads;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * "Today" in the list's SQL is the service's clock, never the database session's {@code current_date}: the
 * {@code nextSurveillanceOn} sort, read with clocks on either side of a planned surveillance date, orders the
 * same customers differently, as the rules (which read the clock) would.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TodayFromTheClockTest {

    private final String tag = TestData.tag();
    private long decidedInMarch;
    private long decidedInJune;
    private boolean loaded;

    @Inject
    EntityManager em;
    @Inject
    CustomerViews views;
    @Inject
    com.certcare.customer.customer.SystemChanges systemChanges;
    @Inject
    SearchConfig config;
    @Inject
    HeavyReads heavyReads;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        // planned surveillance: 2027-03-14 and 2028-03-14; 2027-05-31 and 2028-05-31
        decidedInMarch = customerWithCertificate("QMS-M-" + tag, LocalDate.of(2026, 3, 15));
        decidedInJune = customerWithCertificate("QMS-J-" + tag, LocalDate.of(2026, 6, 1));
    }

    @Test
    void theNextSurveillanceSortCountsFromTheServicesToday() {
        assertEquals(List.of(decidedInMarch, decidedInJune), sortedOn(LocalDate.of(2027, 1, 10)),
                "on 2027-01-10: 2027-03-14 before 2027-05-31");
        assertEquals(List.of(decidedInJune, decidedInMarch), sortedOn(LocalDate.of(2027, 4, 1)),
                "on 2027-04-01: 2027-05-31 before 2028-03-14");
    }

    private List<Long> sortedOn(LocalDate today) {
        Clock fixed = Clock.fixed(ZonedDateTime.of(today.atTime(9, 0), ClockProducer.ZONE).toInstant(), ClockProducer.ZONE);
        CustomerFilter filter = new CustomerFilter();
        filter.q = tag;
        return new CustomerSearch(em, views, config, fixed, systemChanges, heavyReads)
                .list(filter, List.of("nextSurveillanceOn"), 1, 20, config.matchSetLimit())
                .await().indefinitely().items().stream().map(CustomerView::id).toList();
    }

    private long customerWithCertificate(String certificateNo, LocalDate decisionOn) {
        long id = given().contentType(ContentType.JSON).body(TestData.customer(tag + certificateNo + "有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").valid(certificateNo, decisionOn))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        return id;
    }
}
