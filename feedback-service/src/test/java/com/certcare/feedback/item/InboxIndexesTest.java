package com.certcare.feedback.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox's free-text search stays indexed: FeedbackService.SEARCH_TEXT must be the very expression V21's trigram
 * index is built on (a one-character difference and every search reads all 200,000 items). The planner is told to
 * avoid a sequential scan; if the expression no longer matches the index it has no other choice and the test fails.
 */
@QuarkusTest
class InboxIndexesTest {

    @Inject
    DataSource dataSource;

    @Test
    void theFreeTextSearchUsesTheTrigramIndex() throws SQLException {
        String plan = plan("select f.id from feedback_item f where " + FeedbackService.SEARCH_TEXT
                + " like '%星澜科技%' escape '\\'");
        assertTrue(plan.contains("feedback_item_search"), plan);
    }

    @Test
    void openItemsNewestFirstUseTheOpenIndex() throws SQLException {
        String plan = plan("select f.id from feedback_item f where f.status not in ('RESOLVED', 'CLOSED')"
                + " order by f.received_at desc, f.id desc limit 20");
        assertTrue(plan.contains("feedback_item_open_received"), plan);
    }

    @Test
    void aUsersPercentAndUnderscoreAreLiteralInTheSearch() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Feedback.post(Feedback.MARKET, Feedback.body("OPINION", "合格率 5_5% ABC" + marker));
        assertEquals(1, total("_5% abc" + marker));
        // as wildcards, 5_% would match "5_5%"; typed by a user it means the three characters
        assertEquals(0, total("5_% abc" + marker));
        assertEquals(0, total("%" + marker + "x"));
    }

    private static int total(String q) {
        return Feedback.as(Feedback.MARKET).queryParam("q", q).get(Feedback.ITEMS).then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }

    private String plan(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return plan.toString();
        }
    }
}
