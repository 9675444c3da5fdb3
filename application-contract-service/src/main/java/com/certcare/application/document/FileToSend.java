package com.certcare.application.document;

/** What a download answers with: the stored file's key and how to describe it. */
public record FileToSend(String key, String fileName, String contentType, long size, String sha256, String fallbackName) {

    static FileToSend of(DocumentVersion v) {
        String extension = v.fileName.substring(v.fileName.lastIndexOf('.'));
        return new FileToSend(v.fileKey, v.fileName, v.contentType, v.size, v.sha256,
                "document-" + v.documentId + "-v" + v.number + extension);
    }
}
