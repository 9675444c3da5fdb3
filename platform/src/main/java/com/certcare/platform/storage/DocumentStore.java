package com.certcare.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where document files live. Files are immutable: put once, read many times, never changed. Today the
 * {@code document_file} table of the using service's own database ({@link PostgresDocumentStore}; each service creates
 * that table in its own Flyway migrations); an object store can take its place behind this interface.
 */
public interface DocumentStore {

    /**
     * Keeps the {@code size} bytes of {@code content} and answers the key, length and SHA-256 as written. Inside a
     * transaction, the file is kept only if that transaction commits.
     */
    StoredFile put(InputStream content, long size) throws IOException;

    /** The whole file (for small files and tests); {@link #stream} for answers. */
    byte[] get(String key);

    /** Writes the file to {@code out} in slices, never holding more than one slice in memory. */
    void stream(String key, OutputStream out) throws IOException;
}
