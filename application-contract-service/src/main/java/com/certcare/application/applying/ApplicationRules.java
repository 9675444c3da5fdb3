package com.certcare.application.applying;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.certcare.application.document.DocumentRules;
import com.certcare.platform.storage.FileType;
import com.certcare.application.party.PartyRules;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.reference.ReferenceLists;
import com.certcare.platform.text.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every check on an application's fields, attachments and review, collected so the caller hears of all bad fields
 * at once; what passes comes out as a Checked* value the service takes.
 */
@ApplicationScoped
public class ApplicationRules {

    static final int NAME_MAX = 200;
    static final int SHORT_MAX = 50;
    static final int ADDRESS_MAX = 300;
    static final int LONG_MAX = 2000;
    static final int NOTE_MAX = 4000;
    static final int HEAD_COUNT_MAX = 1_000_000;
    static final int SHIFTS_MAX = 10;

    private final ReferenceLists reference;
    private final PartyRules party;
    private final ApplicationConfig config;
    private final FormSettings form;
    private final ObjectMapper mapper;

    ApplicationRules(ReferenceLists reference, PartyRules party, ApplicationConfig config, FormSettings form, ObjectMapper mapper) {
        this.reference = reference;
        this.party = party;
        this.config = config;
        this.form = form;
        this.mapper = mapper;
    }

    /** The {@code application} part of the public form read as {@link ApplicationInput}; unreadable JSON names its field. */
    ApplicationInput read(String json, Violations v) {
        if (!v.check(json != null && !json.isBlank(), "application", "required")) {
            return null;
        }
        try {
            ApplicationInput input = mapper.readValue(json, ApplicationInput.class);
            v.check(input != null, "application", "required");
            return input;
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder("application");
            for (JsonMappingException.Reference r : e.getPath()) {
                field.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            v.check(false, field.toString(), "unreadable");
        } catch (JsonProcessingException e) {
            v.check(false, "application", "unreadable");
        }
        return null;
    }

    /** The input as checked, or null when it broke a rule (then {@code v} says which). */
    CheckedApplicationInput check(ApplicationInput in, Violations v) {
        int found = v.list().size();
        String code = party.check(in, v);
        List<String> schemes = new ArrayList<>();
        if (v.check(in.schemes() != null && !in.schemes().isEmpty(), "schemes", "required")
                && v.check(in.schemes().size() <= reference.schemes().size(), "schemes", "too-many", reference.schemes().size())) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < in.schemes().size(); i++) {
                String s = in.schemes().get(i);
                String field = "schemes[" + i + "]";
                if (v.check(s != null && reference.isScheme(s.strip()), field, "scheme-unknown", String.join(", ", reference.schemes().keySet()))
                        && v.check(seen.add(s.strip()), field, "duplicate")) {
                    schemes.add(s.strip());
                }
            }
        }
        v.text(in.scope(), true, LONG_MAX, "scope");
        v.text(in.scopeEn(), false, LONG_MAX, "scopeEn");
        List<Site> sites = new ArrayList<>();
        if (in.sites() != null && v.check(in.sites().size() <= config.maxSites(), "sites", "too-many", config.maxSites())) {
            for (int i = 0; i < in.sites().size(); i++) {
                Site s = in.sites().get(i);
                String field = "sites[" + i + "]";
                if (!v.check(s != null, field, "required")) {
                    continue;
                }
                boolean ok = v.text(s.address(), true, ADDRESS_MAX, field + ".address");
                ok &= v.text(s.activity(), false, ADDRESS_MAX, field + ".activity");
                ok &= s.headCount() == null || v.check(s.headCount() >= 0 && s.headCount() <= HEAD_COUNT_MAX,
                        field + ".headCount", "between", 0, HEAD_COUNT_MAX);
                if (ok) {
                    sites.add(new Site(Text.blankToNull(s.address()), Text.blankToNull(s.activity()), s.headCount()));
                }
            }
        }
        if (v.check(in.headCount() != null, "headCount", "required")) {
            v.check(in.headCount() >= 1 && in.headCount() <= HEAD_COUNT_MAX, "headCount", "between", 1, HEAD_COUNT_MAX);
        }
        if (in.shifts() != null) {
            v.check(in.shifts() >= 1 && in.shifts() <= SHIFTS_MAX, "shifts", "between", 1, SHIFTS_MAX);
        }
        v.text(in.outsourcedProcesses(), false, LONG_MAX, "outsourcedProcesses");
        v.text(in.existingCertifications(), false, LONG_MAX, "existingCertifications");
        v.check(in.consultancyUsed() != null, "consultancyUsed", "required");
        v.text(in.consultancyName(), Boolean.TRUE.equals(in.consultancyUsed()), NAME_MAX, "consultancyName");
        v.text(in.language(), false, SHORT_MAX, "language");
        return v.list().size() == found
                ? new CheckedApplicationInput(in, Text.blankToNull(in.name()), code, schemes, sites)
                : null;
    }

    /** Names each kind the schemes require that is neither among {@code present} nor attached already. */
    void checkRequired(List<String> schemes, Set<AttachmentKind> present, Violations v) {
        for (AttachmentKind kind : form.required(schemes)) {
            v.check(present.contains(kind), "attachments." + kind, "attachment-required");
        }
    }

    /**
     * The files of a form by kind, checked: at most {@code max-attachments} together with {@code alreadyHeld}, none
     * empty, each a PDF, DOCX, PNG or JPEG by its bytes. A file over {@code max-attachment-bytes} is a 413 naming
     * it (thrown at once: nothing else is worth reading).
     */
    List<CheckedAttachment> checkFiles(Map<AttachmentKind, List<FileUpload>> files, long alreadyHeld, Violations v) {
        long max = config.maxAttachmentBytes().asLongValue();
        List<CheckedAttachment> checked = new ArrayList<>();
        int count = 0;
        for (Map.Entry<AttachmentKind, List<FileUpload>> kind : files.entrySet()) {
            if (kind.getValue() == null) {
                continue;
            }
            for (FileUpload upload : kind.getValue()) {
                if (upload == null || upload.uploadedFile() == null) {
                    continue;
                }
                count++;
                String field = "attachments." + kind.getKey();
                if (upload.size() > max) {
                    String mb = DocumentRules.megabytes(max);
                    throw new ProblemException(413, "file-too-large",
                            List.of(new ProblemException.Violation(field, "file-too-large", mb)), mb);
                }
                if (!v.check(upload.size() > 0, field, "file-empty")) {
                    continue;
                }
                Optional<FileType> type = FileType.of(upload.uploadedFile(), FileType.ALL);
                if (v.check(type.isPresent(), field, "attachment-type")) {
                    checked.add(new CheckedAttachment(kind.getKey(), upload.uploadedFile(), upload.size(), type.get(),
                            DocumentRules.fileName(upload.fileName(), type.get())));
                }
            }
        }
        v.check(count + alreadyHeld <= config.maxAttachments(), "attachments", "too-many", config.maxAttachments());
        return checked;
    }

    CheckedReview check(ReviewInput in, Violations v) {
        int found = v.list().size();
        v.check(in.version() != null, "version", "required");
        v.text(in.impartialityNote(), false, LONG_MAX, "impartialityNote");
        v.text(in.notes(), false, NOTE_MAX, "notes");
        BigDecimal days = in.auditDays();
        if (days != null && v.check(days.signum() >= 0 && days.compareTo(BigDecimal.valueOf(999)) <= 0, "auditDays",
                "between", 0, 999)) {
            v.check(days.stripTrailingZeros().scale() <= 1, "auditDays", "one-decimal");
        }
        return v.list().size() == found
                ? new CheckedReview(in, Text.blankToNull(in.impartialityNote()),
                        days == null ? null : days.setScale(1, java.math.RoundingMode.UNNECESSARY), Text.blankToNull(in.notes()))
                : null;
    }
}
