package com.certcare.customer.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The load benchmark compares {@code GET /api/customers/{id}} with PostgreSQL running the same statements
 * (deploy/bench/pgbench/by-id.sql). Once the script ran Hibernate's old statements after the service had moved to
 * two plain ones, and the "raw" figure measured something the service no longer did; this keeps them equal. The
 * script spells a colon inside a string as {@code ' || chr(58) || '} (pgbench would read {@code :MI} as its variable);
 * that is read back as the colon here.
 */
class ByIdBenchScriptTest {

    @Test
    void benchScriptRunsTheStatementsTheServiceRuns() throws IOException {
        List<String> statements = Files.readAllLines(Path.of("../deploy/bench/pgbench/by-id.sql")).stream()
                .filter(line -> line.startsWith("select"))
                .map(line -> line.replace("' || chr(58) || '", ":"))
                .toList();
        assertEquals(List.of(CustomerDetails.CUSTOMER.replace("?", ":id") + ";",
                CustomerDetails.CERTIFICATIONS.replace("?", ":id") + ";"), statements);
    }
}
