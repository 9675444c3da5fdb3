package com.certcare.platform.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Files in the {@code document_file} table (bytea). The connection comes from the service's data source, so a put
 * inside a transaction commits or rolls back with it. Reads go out in slices of {@link #SLICE} bytes.
 */
@ApplicationScoped
public class PostgresDocumentStore implements DocumentStore {

    static final int SLICE = 1 << 20;

    private final DataSource dataSource;

    PostgresDocumentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public StoredFile put(InputStream content, long size) throws IOException {
        MessageDigest sha = sha256();
        String key = UUID.randomUUID().toString();
        DigestInputStream digesting = new DigestInputStream(content, sha);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into document_file (id, content, size_bytes, sha256) values (?, ?, ?, '')")) {
            insert.setString(1, key);
            insert.setBinaryStream(2, digesting, size);
            insert.setLong(3, size);
            insert.executeUpdate();
            String hex = HexFormat.of().formatHex(sha.digest());
            try (PreparedStatement digest = c.prepareStatement("update document_file set sha256 = ? where id = ?")) {
                digest.setString(1, hex);
                digest.setString(2, key);
                digest.executeUpdate();
            }
            return new StoredFile(key, size, hex);
        } catch (SQLException e) {
            throw new IOException("could not store the file", e);
        }
    }

    @Override
    public byte[] get(String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            stream(key, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void stream(String key, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement slice = c.prepareStatement(
                        "select substring(content from ? for ?) from document_file where id = ?")) {
            for (int from = 1;; from += SLICE) {
                slice.setInt(1, from);
                slice.setInt(2, SLICE);
                slice.setString(3, key);
                byte[] bytes;
                try (ResultSet rs = slice.executeQuery()) {
                    if (!rs.next()) {
                        throw new IOException("no stored file " + key);
                    }
                    bytes = rs.getBytes(1);
                }
                out.write(bytes);
                if (bytes.length < SLICE) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not read the stored file " + key, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
