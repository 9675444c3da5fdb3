package com.certcare.application.document;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.certcare.platform.web.Downloads;
import com.certcare.platform.web.Etags;

/**
 * How a stored file is answered: a strong ETag (its SHA-256), 304 to a matching {@code If-None-Match}, the type
 * told at upload, {@code Content-Disposition} with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987
 * {@code filename*}, the platform's {@link Downloads#disposition}), and never a type the browser guesses. The public list gets a weak ETag over what it shows.
 */
public final class FileAnswers {

    private FileAnswers() {
    }

    static Response of(FileToSend file, String ifNoneMatch, String cacheControl, DocumentService documents) {
        return of(file, ifNoneMatch, cacheControl, (StreamingOutput) out -> documents.write(file, out));
    }

    /** The file read from {@code store} (any stored file, e.g. an application's attachment). */
    public static Response of(FileToSend file, String ifNoneMatch, String cacheControl,
            com.certcare.platform.storage.DocumentStore store) {
        return of(file, ifNoneMatch, cacheControl, (StreamingOutput) out -> store.stream(file.key(), out));
    }

    private static Response of(FileToSend file, String ifNoneMatch, String cacheControl, StreamingOutput body) {
        String etag = "\"" + file.sha256() + "\"";
        if (Etags.matches(ifNoneMatch, file.sha256())) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(body)
                .type(file.contentType())
                .header("Content-Length", file.size())
                .header("ETag", etag)
                .header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition(file))
                .build();
    }

    /**
     * The public list with a weak ETag over what it shows (each document's id, kind, titles and current version): a
     * browser or proxy that has it asks again with {@code If-None-Match} and gets a 304 until something changes.
     */
    static org.jboss.resteasy.reactive.RestResponse<java.util.List<PublicDocument>> list(java.util.List<PublicDocument> documents,
            String ifNoneMatch, String cacheControl) {
        StringBuilder shown = new StringBuilder();
        for (PublicDocument d : documents) {
            shown.append(d.id()).append('|').append(d.kind()).append('|').append(d.titleZh()).append('|').append(d.titleEn())
                    .append('|').append(d.versionNumber()).append('|').append(d.versionLabel()).append('|')
                    .append(d.effectiveOn()).append('|').append(d.fileName()).append('|').append(d.sha256()).append('\n');
        }
        String hash = sha256(shown.toString());
        String etag = "W/\"" + hash + "\"";
        if (Etags.matches(ifNoneMatch, hash)) {
            return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.<java.util.List<PublicDocument>> notModified()
                    .header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(documents)
                .header("ETag", etag).header("Cache-Control", cacheControl).build();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document the service made (a form as PDF): the platform's {@link Downloads#generated} (an attachment, not cached). */
    public static Response generated(String fileName, String contentType, byte[] bytes) {
        return Downloads.generated(fileName, contentType, bytes);
    }

    static String disposition(FileToSend file) {
        return Downloads.disposition(file.fileName(), file.fallbackName());
    }
}
