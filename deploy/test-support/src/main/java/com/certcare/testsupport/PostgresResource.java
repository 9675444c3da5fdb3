package com.certcare.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL database for a module's tests, fresh for every run: a private cluster started
 * from the installed server binaries, or, when {@code CERTCARE_TEST_PG_URL} names a running server
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), a new database on it that is
 * dropped afterwards. Register it once per module with {@code @QuarkusTestResource}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String USER = "certcare";

    private PrivatePostgres cluster;
    private String adminUrl;
    private String database;

    @Override
    public Map<String, String> start() {
        database = "certcare_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            String external = System.getenv("CERTCARE_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                adminUrl = external;
            } else {
                cluster = PrivatePostgres.start(USER);
                adminUrl = cluster.jdbcUrl("postgres") + "?user=" + USER;
            }
            execute(adminUrl, "create database " + database + (cluster != null ? " owner " + USER : ""));
            execute(withDatabase(adminUrl, database), "create extension if not exists pg_trgm");
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL for tests could not start: " + e.getMessage(), e);
        }
        String jdbcUrl = withDatabase(adminUrl, database);
        String user = cluster != null ? USER : userOf(adminUrl);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl.replaceAll("\\?.*$", ""),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", passwordOf(adminUrl));
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        } else if (adminUrl != null) {
            try {
                execute(adminUrl, "drop database if exists " + database + " with (force)");
            } catch (Exception e) {
                System.err.println("PostgresResource: could not drop " + database + ": " + e.getMessage());
            }
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** jdbc:postgresql://h:p/db?x → jdbc:postgresql://h:p/{database}?x */
    static String withDatabase(String url, String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + database);
    }

    private static String userOf(String url) {
        return param(url, "user", "postgres");
    }

    private static String passwordOf(String url) {
        return param(url, "password", "");
    }

    private static String param(String url, String name, String fallback) {
        int q = url.indexOf('?');
        if (q < 0) {
            return fallback;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return kv[1];
            }
        }
        return fallback;
    }
}
