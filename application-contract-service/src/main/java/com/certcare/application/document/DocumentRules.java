package com.certcare.application.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.storage.FileNames;
import com.certcare.platform.storage.FileType;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;

/** Every check on a document's description and on an upload, collected so the caller hears of all bad fields at once. */
@ApplicationScoped
public class DocumentRules {

    static final int TITLE_MAX = 200;
    static final int LABEL_MAX = 50;
    static final int NOTE_MAX = 2000;

    private final DocumentConfig config;

    DocumentRules(DocumentConfig config) {
        this.config = config;
    }

    /** The input as checked, or null when it broke a rule (then {@code v} says which). */
    public CheckedDocumentInput check(DocumentInput input, Violations v) {
        int found = v.list().size();
        v.check(input.kind() != null, "kind", "required");
        v.text(input.titleZh(), true, TITLE_MAX, "titleZh");
        v.text(input.titleEn(), false, TITLE_MAX, "titleEn");
        return v.list().size() == found ? new CheckedDocumentInput(input) : null;
    }

    /**
     * The upload as checked. A missing, empty or foreign file and bad fields are a 400 naming each field; a file over
     * the limit is a 413 naming {@code file}. Only the file's first bytes and, for a ZIP, its directory are read.
     */
    public CheckedUpload check(UploadForm form) {
        Violations v = new Violations();
        long max = config.maxBytes().asLongValue();
        FileType type = null;
        long size = 0;
        if (v.check(form.file != null && form.file.uploadedFile() != null, "file", "required")) {
            size = form.file.size();
            if (size > max) {
                throw new ProblemException(413, "file-too-large",
                        java.util.List.of(new ProblemException.Violation("file", "file-too-large", megabytes(max))),
                        megabytes(max));
            }
            if (v.check(size > 0, "file", "file-empty")) {
                Optional<FileType> detected = FileType.of(form.file.uploadedFile());
                v.check(detected.isPresent(), "file", "file-type");
                type = detected.orElse(null);
            }
        }
        v.text(form.versionLabel, true, LABEL_MAX, "versionLabel");
        LocalDate effectiveOn = null;
        if (v.check(form.effectiveOn != null && !form.effectiveOn.isBlank(), "effectiveOn", "required")) {
            try {
                effectiveOn = LocalDate.parse(form.effectiveOn.strip());
            } catch (DateTimeParseException e) {
                v.check(false, "effectiveOn", "date-format");
            }
        }
        v.text(form.changeNote, false, NOTE_MAX, "changeNote");
        v.throwIfAny();
        return new CheckedUpload(form.file.uploadedFile(), size, type, fileName(form.file.fileName(), type),
                Text.blankToNull(form.versionLabel), effectiveOn, Text.blankToNull(form.changeNote));
    }

    /** The sanitised download name: the platform's {@link FileNames#of}. */
    public static String fileName(String sent, FileType type) {
        return FileNames.of(sent, type);
    }

    /** The platform's {@link FileNames#megabytes}. */
    public static String megabytes(long bytes) {
        return FileNames.megabytes(bytes);
    }
}
