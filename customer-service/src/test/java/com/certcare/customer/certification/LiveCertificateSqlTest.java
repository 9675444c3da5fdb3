package com.certcare.customer.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one place SQL still spells the live statuses itself is the unique index on live certificate numbers (V2,
 * a migration that ran once as written): it must mean what {@link CertificationStatus#LIVE_CERTIFICATE} means,
 * or the database refuses or lets through what the service checks otherwise. A change of the set needs a new
 * migration for that index; this test says so.
 */
@QuarkusTest
class LiveCertificateSqlTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theLiveCertificateNumberIndexCoversExactlyTheLiveStatuses() throws Exception {
        String definition;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select indexdef from pg_indexes where indexname = 'certification_certificate_live'")) {
            rs.next();
            definition = rs.getString(1);
        }
        Set<String> indexed = new TreeSet<>();
        Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(definition.substring(definition.indexOf("WHERE")));
        while (quoted.find()) {
            indexed.add(quoted.group(1));
        }
        Set<String> live = new TreeSet<>();
        CertificationStatus.LIVE_CERTIFICATE.forEach(status -> live.add(status.name()));
        assertEquals(live, indexed, "certification_certificate_live: " + definition);
    }
}
