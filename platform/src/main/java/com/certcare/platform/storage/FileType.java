package com.certcare.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The types of file CertCare takes, told from the file's bytes — never from its name or the Content-Type the
 * sender declared. PDF: starts with {@code %PDF-}. DOCX: a ZIP (local header {@code PK\3\4}) whose central directory
 * lists {@code [Content_Types].xml} and {@code word/document.xml}; only the directory is read (no entry is
 * inflated), and at most {@link #MAX_ENTRIES} of its entries. PNG: the 8-byte signature {@code 89 PNG CR LF 1A LF};
 * JPEG: {@code FF D8 FF} (scans: application and feedback attachments). A public document is PDF or DOCX
 * ({@link #DOCUMENTS}); {@link #of(Path, Set)} names the types a caller accepts.
 */
public enum FileType {

    PDF("application/pdf", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    PNG("image/png", ".png"),
    JPEG("image/jpeg", ".jpg");

    /** What a public document may be. */
    public static final Set<FileType> DOCUMENTS = Collections.unmodifiableSet(EnumSet.of(PDF, DOCX));
    /** Every type told from the bytes. */
    public static final Set<FileType> ALL = Collections.unmodifiableSet(EnumSet.allOf(FileType.class));

    static final int MAX_ENTRIES = 10_000;
    private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };
    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };
    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final byte[] JPEG_MAGIC = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

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
        return of(file, DOCUMENTS);
    }

    /** The type of the file at {@code file} if it is one of {@code accepted}; empty otherwise (or when unreadable). */
    public static Optional<FileType> of(Path file, Set<FileType> accepted) {
        return detect(file).filter(accepted::contains);
    }

    private static Optional<FileType> detect(Path file) {
        byte[] head = new byte[8];
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
        if (startsWith(head, read, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, read, JPEG_MAGIC)) {
            return Optional.of(JPEG);
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
