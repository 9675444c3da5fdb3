package com.certcare.application.document;

import java.nio.file.Path;
import java.time.LocalDate;
import com.certcare.platform.storage.FileType;

/**
 * An upload that {@link DocumentRules} found valid: its file (type told from the bytes) and description. Only
 * DocumentRules makes one, so the service cannot be handed a file whose type nobody checked.
 */
public final class CheckedUpload {

    final Path file;
    final long size;
    final FileType type;
    final String fileName;
    final String label;
    final LocalDate effectiveOn;
    final String changeNote;

    CheckedUpload(Path file, long size, FileType type, String fileName, String label, LocalDate effectiveOn,
            String changeNote) {
        this.file = file;
        this.size = size;
        this.type = type;
        this.fileName = fileName;
        this.label = label;
        this.effectiveOn = effectiveOn;
        this.changeNote = changeNote;
    }
}
