package com.certcare.application.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The types a public document may have, told from the file's bytes — never from its name or the Content-Type the
 * sender declared. PDF: starts with {@code %PDF-}. DOCX: a ZIP (local header {@code PK\3\4}) whose central directory
 * lists {@code [Content_Types].xml} and {@code word/document.xml}; only the directory is read (no entry is
 * inflated), and at most {@link #MAX_ENTRIES} of its entries.
 */
public enum FileType {

    PDF("application/pdf", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    static final int MAX_ENTRIES = 10_000;
    private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };
    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type of the file at {@code file}, or empty when it is neither a PDF nor a DOCX (or cannot be read). */
    public static Optional<FileType> of(Path file) {
        byte[] head = new byte[5];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (startsWith(head, read, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, read, ZIP_MAGIC) && isWordPackage(file)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean isWordPackage(Path file) {
        boolean contentTypes = false;
        boolean document = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int i = 0; i < MAX_ENTRIES && entries.hasMoreElements() && !(contentTypes && document); i++) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                document |= name.equals("word/document.xml");
            }
        } catch (IOException | RuntimeException e) {
            return false; // not a readable ZIP: not a DOCX
        }
        return contentTypes && document;
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
