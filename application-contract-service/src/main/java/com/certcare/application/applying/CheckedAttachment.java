package com.certcare.application.applying;

import java.nio.file.Path;

import com.certcare.platform.storage.FileType;

/** An attached file whose kind, size and type (told from the bytes) {@link ApplicationRules} checked. */
public final class CheckedAttachment {

    final AttachmentKind kind;
    final Path file;
    final long size;
    final FileType type;
    final String fileName;

    CheckedAttachment(AttachmentKind kind, Path file, long size, FileType type, String fileName) {
        this.kind = kind;
        this.file = file;
        this.size = size;
        this.type = type;
        this.fileName = fileName;
    }
}
