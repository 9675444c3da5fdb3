package com.certcare.platform.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.SampleFiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The store against real PostgreSQL (the test app's {@code document_file}, as a service's migration creates it): what
 * goes in comes back byte for byte across slice boundaries with its SHA-256, and a put in a transaction that rolls
 * back leaves nothing behind.
 */
@QuarkusTest
class PostgresDocumentStoreTest {

    @Inject
    DocumentStore store;

    @Test
    void aFileLongerThanOneSliceComesBackWholeWithItsSha256() throws IOException {
        byte[] bytes = new byte[PostgresDocumentStore.SLICE * 2 + 17];
        new Random(7).nextBytes(bytes);
        StoredFile stored = QuarkusTransaction.requiringNew()
                .call(() -> store.put(new ByteArrayInputStream(bytes), bytes.length));
        assertEquals(bytes.length, stored.size());
        assertEquals(SampleFiles.sha256(bytes), stored.sha256());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.stream(stored.key(), out);
        assertArrayEquals(bytes, out.toByteArray());
        assertArrayEquals(bytes, store.get(stored.key()));
    }

    @Test
    void aPutWhoseTransactionRollsBackKeepsNothing() {
        byte[] bytes = SampleFiles.pdf("rolled back");
        AtomicReference<String> key = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            try {
                key.set(store.put(new ByteArrayInputStream(bytes), bytes.length).key());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("the caller's rule failed after the put");
        }));
        assertThrows(IOException.class, () -> store.stream(key.get(), new ByteArrayOutputStream()));
    }
}
