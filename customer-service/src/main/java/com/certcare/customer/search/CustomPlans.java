package com.certcare.customer.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManager;

/**
 * The filtered list, statistics and export are data-dependent (one province holds 10 customers or 10,000):
 * a prepared statement's generic plan was measured 3-4x slower than the plan made with the values, so
 * these queries are always planned with them. Only these: a lookup by id keeps its cached plan (forcing
 * custom plans on every connection made each by-id statement be planned again).
 */
public final class CustomPlans {

    static final String SET = "set local plan_cache_mode = force_custom_plan";

    private CustomPlans() {
    }

    /** For the rest of the current transaction (the caller is {@code @Transactional}). */
    public static void forThisTransaction(EntityManager em) {
        em.createNativeQuery(SET).executeUpdate();
    }

    /** For the rest of the connection's current transaction (auto-commit off). */
    public static void forThisTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SET);
        }
    }
}
