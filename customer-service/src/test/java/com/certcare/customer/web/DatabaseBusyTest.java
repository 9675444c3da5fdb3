package com.certcare.customer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Overload is not a fault: with every pooled database connection taken (as by hundreds of concurrent list requests),
 * a request that finds none within the acquisition timeout is answered 503 with Retry-After, as a problem in the
 * caller's language, not 500; once connections come free the same request succeeds.
 */
@QuarkusTest
class DatabaseBusyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void noConnectionFreeInTimeIs503WithRetryAfterAndTheServiceRecovers() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            int max = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
            // take every connection; the attempt after the last free one waits out the acquisition timeout
            while (held.size() <= max) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException poolExhausted) {
                    break;
                }
            }
            given().header("Accept-Language", "en").when().get("/api/customers").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("code", is("database-busy")).body("title", is("Service busy"));
            given().when().get("/api/customers/1").then().statusCode(503).body("title", is("服务繁忙"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().when().get("/api/customers").then().statusCode(200);
    }
}
