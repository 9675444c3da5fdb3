package com.certcare.application.applying;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.certcare.application.document.FileToSend;
import com.certcare.platform.storage.FileType;
import com.certcare.platform.storage.DocumentStore;
import com.certcare.platform.storage.StoredFile;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.reference.ReferenceEntry;
import com.certcare.platform.reference.ReferenceLists;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import com.certcare.platform.web.SortOrder;

/**
 * Applications (认证申请, form 16-01): the public submission and status page, entry on a client's behalf, the review
 * and decision. Each method that writes is one transaction: the change, its history and its event (outbox) commit
 * together or not at all.
 */
@ApplicationScoped
public class ApplicationService {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    static final int TEXT_MAX = 4000;
    static final int REASON_MAX = 2000;
    /** What a reference can look like (letters, digits, '-', '_', '/', '.'; at most 64): anything else is unknown. */
    static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[A-Za-z0-9_./-]{1,64}");
    static final Map<String, String> SORT_KEYS = Map.of("id", "a.id", "reference", "a.reference", "name", "a.name",
            "status", "a.status", "provinceCode", "a.province_code", "submittedAt", "a.submitted_at",
            "decidedAt", "a.decided_at", "createdAt", "a.created_at", "updatedAt", "a.updated_at");

    private final ApplicationRules rules;
    private final ReferenceNumbers numbers;
    private final DocumentStore store;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final ApplicationConfig config;
    private final FormSettings form;
    private final ReferenceLists reference;
    private final Clock clock;

    ApplicationService(ApplicationRules rules, ReferenceNumbers numbers, DocumentStore store, ChangeHistory history,
            Outbox outbox, ApplicationConfig config, FormSettings form, ReferenceLists reference, Clock clock) {
        this.rules = rules;
        this.numbers = numbers;
        this.store = store;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
        this.form = form;
        this.reference = reference;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- public

    /** The form's settings in the caller's language. */
    public Views.FormView form(Locale locale) {
        List<Views.SchemeOption> schemes = reference.schemes().values().stream()
                .map(s -> new Views.SchemeOption(s.code(), s.detail(), s.nameZh(), s.nameEn(), s.name(locale),
                        form.required(s.code())))
                .toList();
        List<Views.NamedCode> provinces = reference.provinces().values().stream()
                .map(p -> new Views.NamedCode(p.code(), p.nameZh(), p.nameEn(), p.name(locale))).toList();
        Views.Limits limits = new Views.Limits(config.maxAttachmentBytes().asLongValue(), config.maxAttachments(),
                config.maxTotalBytes().asLongValue(), config.maxSites(),
                FileType.ALL.stream().map(FileType::mediaType).toList());
        return new Views.FormView(config.formNumber(), "en".equals(locale.getLanguage()) ? "en" : "zh-CN", schemes,
                provinces, List.of(AttachmentKind.values()), form.guidance(locale), limits);
    }

    /**
     * A public submission: every field, every file and the attachments the schemes require are checked first
     * (all bad fields named at once; nothing stored on any error); then the application is SUBMITTED with a new
     * reference and secret, its files stored, its history written and {@code ApplicationSubmitted} published.
     */
    @Transactional
    public Views.Submitted submit(SubmitForm submitted) {
        Violations v = new Violations();
        ApplicationInput input = rules.read(submitted.application, v);
        CheckedApplicationInput checked = input == null ? null : rules.check(input, v);
        Map<AttachmentKind, List<FileUpload>> sent = byKind(submitted.businessLicence, submitted.permit, submitted.other);
        List<CheckedAttachment> files = rules.checkFiles(sent, 0, v);
        if (checked != null) {
            // a kind whose file was refused is named for that already, not again as missing
            Set<AttachmentKind> present = EnumSet.noneOf(AttachmentKind.class);
            sent.forEach((kind, uploads) -> {
                if (uploads.stream().anyMatch(u -> u != null && u.uploadedFile() != null)) {
                    present.add(kind);
                }
            });
            rules.checkRequired(checked.schemes, present, v);
        }
        v.throwIfAny();
        String secret = ApplicationSecrets.generate();
        Application application = new Application();
        application.apply(checked);
        application.reference = numbers.next();
        application.secretHash = ApplicationSecrets.hash(secret);
        application.status = ApplicationStatus.DRAFT;
        Instant now = clock.instant();
        application.submit(now);
        application.created(Application.APPLICANT, now);
        application.persist();
        history.record(application.history(), null, application.snapshot(), Application.APPLICANT, null);
        store(application, files, null, Application.APPLICANT);
        outbox.publish(ApplicationEvents.TOPIC, application.reference, ApplicationEvents.SUBMITTED,
                ApplicationEvents.SCHEMA_VERSION, ApplicationEvents.Submitted.of(application));
        return new Views.Submitted(application.reference, secret, application.status);
    }

    /** The applicant's view; an unknown reference and a wrong secret are the same 404. */
    public Views.PublicStatus status(String ref, String secret) {
        return publicStatus(bySecret(ref, secret, false));
    }

    /** The applicant answers a request for information (only in NEEDS_INFO): back to UNDER_REVIEW. */
    @Transactional
    public Views.PublicStatus answer(String ref, String secret, AttachForm answer) {
        Application application = bySecret(ref, secret, true);
        if (application.status != ApplicationStatus.NEEDS_INFO) {
            throw ProblemException.forbiddenTransition(application.status, ApplicationStatus.UNDER_REVIEW);
        }
        Violations v = new Violations();
        v.text(answer.text, true, TEXT_MAX, "text");
        List<CheckedAttachment> files = rules.checkFiles(byKind(answer.businessLicence, answer.permit, answer.other),
                attachmentCount(application.id), v);
        v.throwIfAny();
        Instant now = clock.instant();
        ApplicationMessage message = message(application, ApplicationMessage.Kind.ANSWER, answer.text, Application.APPLICANT, now);
        store(application, files, message.id, Application.APPLICANT);
        Snapshot before = application.snapshot();
        application.answered();
        history.record(application.history(), before, application.snapshot(), Application.APPLICANT, Text.blankToNull(answer.text));
        application.touched(Application.APPLICANT, now);
        return publicStatus(application);
    }

    /** The applicant withdraws (from any state that is not final). */
    @Transactional
    public Views.PublicStatus withdraw(String ref, String secret, WithdrawInput body) {
        Application application = bySecret(ref, secret, true);
        String reason = body == null ? null : body.reason();
        Violations v = new Violations();
        v.text(reason, false, REASON_MAX, "reason");
        Application.checkTransition(application.status, ApplicationStatus.WITHDRAWN);
        v.throwIfAny();
        withdraw(application, Text.blankToNull(reason), Application.APPLICANT);
        return publicStatus(application);
    }

    // ---------------------------------------------------------------- staff

    /** One page of the inbox. */
    public ListPage<Views.ApplicationRow> list(ApplicationStatus status, String scheme, String province, Boolean overdue,
            String q, List<String> sort, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        SortOrder order = SortOrder.parse(sort, SORT_KEYS.keySet(), v);
        v.text(q, false, 200, "q");
        v.text(scheme, false, 50, "scheme");
        v.text(province, false, 50, "province");
        v.throwIfAny();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        if (scheme != null && !scheme.isBlank()) {
            where.append(" and :scheme = any(a.schemes)");
            params.put("scheme", scheme.strip());
        }
        if (province != null && !province.isBlank()) {
            where.append(" and a.province_code = :province");
            params.put("province", province.strip());
        }
        if (overdue != null) {
            where.append(overdue ? " and " : " and not ").append(
                    "(a.status in ('SUBMITTED', 'UNDER_REVIEW') and a.submitted_at is not null and a.submitted_at < :cutoff)");
            params.put("cutoff", overdueCutoff());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(a.name) like :q escape '\\' or a.credit_code like upper(:q) escape '\\'"
                    + " or lower(a.reference) like :q escape '\\')");
            params.put("q", Text.containsPattern(q));
        }
        String sorting = order.keys().isEmpty() ? "a.updated_at desc nulls last, a.id desc" : order.sql(SORT_KEYS::get, "a.id");
        var em = Application.getEntityManager();
        var query = em.createNativeQuery("select a.* from application a" + where + " order by " + sorting
                + " limit " + asked.size() + " offset " + asked.offset(), Application.class);
        var count = em.createNativeQuery("select count(*) from application a" + where);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Application> rows = query.getResultList();
        return asked.answer(rows.stream().map(this::row).toList(), ((Number) count.getSingleResult()).longValue());
    }

    public Views.ApplicationDetail detail(long id) {
        return detail(get(id));
    }

    public Application get(long id) {
        Application application = Application.findById(id);
        if (application == null) {
            throw ProblemException.notFound("@entity.application", id);
        }
        return application;
    }

    /** Market enters an application on a client's behalf: a DRAFT, submitted later (no public access). */
    @Transactional
    public Views.ApplicationDetail create(ApplicationInput input, String actor) {
        Violations v = new Violations();
        CheckedApplicationInput checked = rules.check(input, v);
        v.throwIfAny();
        Application application = new Application();
        application.apply(checked);
        application.reference = numbers.next();
        application.status = ApplicationStatus.DRAFT;
        application.enteredOnBehalf = true;
        application.created(actor, clock.instant());
        application.persist();
        history.record(application.history(), null, application.snapshot(), actor, null);
        return detail(application);
    }

    /** Staff edit the applicant's fields while DRAFT or NEEDS_INFO; send the version you read. */
    @Transactional
    public Views.ApplicationDetail update(long id, ApplicationInput input, String actor) {
        Application application = get(id);
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        CheckedApplicationInput checked = rules.check(input, v);
        v.throwIfAny();
        if (!application.status.editable()) {
            throw new ProblemException(409, "not-editable", application.status);
        }
        stale(application, input.version());
        Snapshot before = application.snapshot();
        application.apply(checked);
        if (!history.record(application.history(), before, application.snapshot(), actor, null).isEmpty()) {
            application.touched(actor, clock.instant());
        }
        return detail(application);
    }

    /** Staff attach files (while the application is not final). */
    @Transactional
    public Views.ApplicationDetail attach(long id, AttachForm files, String actor) {
        Application application = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw ProblemException.notFound("@entity.application", id);
        }
        Violations v = new Violations();
        List<CheckedAttachment> checked = rules.checkFiles(byKind(files.businessLicence, files.permit, files.other),
                attachmentCount(id), v);
        v.check(!checked.isEmpty() || !v.list().isEmpty(), "attachments", "required");
        v.throwIfAny();
        if (ApplicationStatus.FINAL.contains(application.status)) {
            throw new ProblemException(409, "not-editable", application.status);
        }
        store(application, checked, null, actor);
        application.touched(actor, clock.instant());
        return detail(application);
    }

    public FileToSend attachmentFile(long id, long attachmentId) {
        get(id);
        ApplicationAttachment a = ApplicationAttachment.find("id = ?1 and applicationId = ?2", attachmentId, id).firstResult();
        if (a == null) {
            throw ProblemException.notFound("@entity.application-attachment", id + " / " + attachmentId);
        }
        String extension = a.fileName.substring(a.fileName.lastIndexOf('.'));
        return new FileToSend(a.fileKey, a.fileName, a.contentType, a.size, a.sha256,
                "application-" + id + "-attachment-" + a.id + extension);
    }

    public DocumentStore store() {
        return store;
    }

    @Transactional
    public Views.ApplicationDetail submit(long id, TransitionInput input, String actor) {
        Application application = forTransition(id, input, ApplicationStatus.SUBMITTED);
        Violations v = new Violations();
        v.text(input.reason(), false, REASON_MAX, "reason");
        rules.checkRequired(application.schemes, heldKinds(id), v);
        v.throwIfAny();
        Snapshot before = application.snapshot();
        application.submit(clock.instant());
        finish(application, before, actor, input.reason());
        outbox.publish(ApplicationEvents.TOPIC, application.reference, ApplicationEvents.SUBMITTED,
                ApplicationEvents.SCHEMA_VERSION, ApplicationEvents.Submitted.of(application));
        return detail(application);
    }

    @Transactional
    public Views.ApplicationDetail startReview(long id, TransitionInput input, String actor) {
        Application application = forTransition(id, input, ApplicationStatus.UNDER_REVIEW);
        if (application.status != ApplicationStatus.SUBMITTED) {
            // NEEDS_INFO → UNDER_REVIEW is the applicant's answer, not a step of staff
            throw ProblemException.forbiddenTransition(application.status, ApplicationStatus.UNDER_REVIEW);
        }
        Violations v = new Violations();
        v.text(input.reason(), false, REASON_MAX, "reason");
        v.throwIfAny();
        Snapshot before = application.snapshot();
        application.startReview();
        finish(application, before, actor, input.reason());
        return detail(application);
    }

    @Transactional
    public Views.ApplicationDetail requestInfo(long id, TransitionInput input, String actor) {
        Application application = forTransition(id, input, ApplicationStatus.NEEDS_INFO);
        Violations v = new Violations();
        v.text(input.question(), true, TEXT_MAX, "question");
        v.throwIfAny();
        message(application, ApplicationMessage.Kind.REQUEST, input.question(), actor, clock.instant());
        Snapshot before = application.snapshot();
        application.requestInfo();
        finish(application, before, actor, Text.blankToNull(input.question()));
        return detail(application);
    }

    /** Accepting needs every checklist item answered yes and the audit time estimated (400 naming the others). */
    @Transactional
    public Views.ApplicationDetail accept(long id, TransitionInput input, String actor) {
        Application application = forTransition(id, input, ApplicationStatus.ACCEPTED);
        Violations v = new Violations();
        v.text(input.reasons(), false, TEXT_MAX, "reasons");
        for (String item : application.checklistNotYes()) {
            v.check(false, "review." + item, "checklist-not-yes");
        }
        v.throwIfAny();
        Snapshot before = application.snapshot();
        application.accept(Text.blankToNull(input.reasons()), clock.instant());
        finish(application, before, actor, Text.blankToNull(input.reasons()));
        outbox.publish(ApplicationEvents.TOPIC, application.reference, ApplicationEvents.ACCEPTED,
                ApplicationEvents.SCHEMA_VERSION, ApplicationEvents.Accepted.of(application, actor));
        return detail(application);
    }

    @Transactional
    public Views.ApplicationDetail reject(long id, TransitionInput input, String actor) {
        Application application = forTransition(id, input, ApplicationStatus.REJECTED);
        Violations v = new Violations();
        v.text(input.reasons(), true, TEXT_MAX, "reasons");
        v.throwIfAny();
        Snapshot before = application.snapshot();
        application.reject(Text.blankToNull(input.reasons()), clock.instant());
        finish(application, before, actor, Text.blankToNull(input.reasons()));
        outbox.publish(ApplicationEvents.TOPIC, application.reference, ApplicationEvents.REJECTED,
                ApplicationEvents.SCHEMA_VERSION, ApplicationEvents.Rejected.of(application));
        return detail(application);
    }

    @Transactional
    public Views.ApplicationDetail withdraw(long id, TransitionInput input, String actor) {
        Application application = forTransition(id, input, ApplicationStatus.WITHDRAWN);
        Violations v = new Violations();
        v.text(input.reason(), false, REASON_MAX, "reason");
        v.throwIfAny();
        withdraw(application, Text.blankToNull(input.reason()), actor);
        return detail(application);
    }

    /** The review checklist, while the application is UNDER_REVIEW or NEEDS_INFO. */
    @Transactional
    public Views.ApplicationDetail review(long id, ReviewInput input, String actor) {
        Application application = get(id);
        Violations v = new Violations();
        CheckedReview checked = rules.check(input, v);
        v.throwIfAny();
        if (application.status != ApplicationStatus.UNDER_REVIEW && application.status != ApplicationStatus.NEEDS_INFO) {
            throw new ProblemException(409, "not-under-review", application.status);
        }
        stale(application, input.version());
        Snapshot before = application.snapshot();
        application.apply(checked);
        if (!history.record(application.history(), before, application.snapshot(), actor, null).isEmpty()) {
            application.touched(actor, clock.instant());
        }
        return detail(application);
    }

    // ---------------------------------------------------------------- helpers

    private void withdraw(Application application, String reason, String actor) {
        ApplicationStatus previous = application.status;
        Snapshot before = application.snapshot();
        application.withdraw(clock.instant());
        finish(application, before, actor, reason);
        outbox.publish(ApplicationEvents.TOPIC, application.reference, ApplicationEvents.WITHDRAWN,
                ApplicationEvents.SCHEMA_VERSION, new ApplicationEvents.Withdrawn(application.id, application.reference,
                        previous, reason, actor, application.decidedAt));
    }

    /** The application, after the version was given (400), it exists (404), may move to {@code target} (409) and is not stale (409). */
    private Application forTransition(long id, TransitionInput input, ApplicationStatus target) {
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        v.text(input.question(), false, TEXT_MAX, "question");
        v.text(input.reasons(), false, TEXT_MAX, "reasons");
        v.text(input.reason(), false, REASON_MAX, "reason");
        v.throwIfAny();
        Application application = get(id);
        Application.checkTransition(application.status, target);
        stale(application, input.version());
        return application;
    }

    private static void stale(Application application, int version) {
        if (application.version != version) {
            throw new ProblemException(409, "stale");
        }
    }

    private void finish(Application application, Snapshot before, String actor, String reason) {
        history.record(application.history(), before, application.snapshot(), actor, reason);
        application.touched(actor, clock.instant());
    }

    private ApplicationMessage message(Application application, ApplicationMessage.Kind kind, String text, String actor,
            Instant now) {
        ApplicationMessage message = new ApplicationMessage();
        message.applicationId = application.id;
        message.kind = kind;
        message.text = text.strip();
        message.author = actor;
        message.writtenAt = now;
        message.persist();
        history.record(application.history().part("message", message.id), null, message.snapshot(), actor, null);
        return message;
    }

    private void store(Application application, List<CheckedAttachment> files, Long messageId, String actor) {
        for (CheckedAttachment file : files) {
            StoredFile stored;
            try (InputStream in = Files.newInputStream(file.file)) {
                stored = store.put(in, file.size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ApplicationAttachment a = new ApplicationAttachment();
            a.applicationId = application.id;
            a.messageId = messageId;
            a.kind = file.kind;
            a.fileKey = stored.key();
            a.fileName = file.fileName;
            a.contentType = file.type.mediaType();
            a.size = stored.size();
            a.sha256 = stored.sha256();
            a.uploadedBy = actor;
            a.uploadedAt = clock.instant();
            a.persist();
            history.record(application.history().part("attachment", a.id), null, a.snapshot(), actor, null);
        }
    }

    /** By reference and secret; anything else (unknown, wrong secret, no public access) is the same 404. */
    private Application bySecret(String ref, String secret, boolean lock) {
        Application application = null;
        boolean plain = ref != null && REFERENCE.matcher(ref).matches();
        if (plain) {
            application = lock
                    ? Application.<Application> find("reference", ref).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                    : Application.<Application> find("reference", ref).firstResult();
        }
        boolean matches = ApplicationSecrets.matches(secret, application == null ? null : application.secretHash);
        if (application == null || !matches) {
            throw ProblemException.notFound("@entity.application", plain ? ref : "?");
        }
        return application;
    }

    private Views.PublicStatus publicStatus(Application a) {
        List<ApplicationAttachment> attachments = attachments(a.id);
        Map<Long, List<String>> byMessage = new HashMap<>();
        attachments.stream().filter(x -> x.messageId != null)
                .forEach(x -> byMessage.computeIfAbsent(x.messageId, k -> new ArrayList<>()).add(x.fileName));
        List<Views.PublicMessage> thread = messages(a.id).stream()
                .map(m -> new Views.PublicMessage(m.kind, m.text, m.writtenAt, byMessage.getOrDefault(m.id, List.of())))
                .toList();
        boolean decided = a.status == ApplicationStatus.ACCEPTED || a.status == ApplicationStatus.REJECTED;
        return new Views.PublicStatus(a.reference, a.status, a.name, List.copyOf(a.schemes), a.submittedAt, a.decidedAt,
                decided ? a.decisionReasons : null, thread,
                attachments.stream().map(x -> new Views.PublicAttachment(x.kind, x.fileName)).toList());
    }

    private Views.ApplicationDetail detail(Application a) {
        List<ApplicationAttachment> attachments = attachments(a.id);
        Map<Long, List<Long>> byMessage = new HashMap<>();
        attachments.stream().filter(x -> x.messageId != null)
                .forEach(x -> byMessage.computeIfAbsent(x.messageId, k -> new ArrayList<>()).add(x.id));
        List<Views.MessageView> thread = messages(a.id).stream()
                .map(m -> new Views.MessageView(m.id, m.kind, m.text, m.author, m.writtenAt, byMessage.getOrDefault(m.id, List.of())))
                .toList();
        LocalDate due = dueOn(a);
        return new Views.ApplicationDetail(a.id, a.reference, a.status, a.version, config.formNumber(), a.name,
                a.creditCode, a.legalRepresentative, a.address, a.provinceCode, provinceName(a.provinceCode), a.city,
                a.postalCode, a.contactName, a.contactPhone, a.contactEmail, List.copyOf(a.schemes), a.scope, a.scopeEn,
                List.copyOf(a.sites), a.headCount, a.shifts, a.outsourcedProcesses, a.existingCertifications,
                a.consultancyUsed, a.consultancyName, a.language, a.submittedAt, due, overdue(a, due), a.decidedAt,
                a.decisionReasons, Views.Checklist.of(a), new ArrayList<>(form.required(a.schemes)),
                attachments.stream().map(Views.AttachmentView::of).toList(), thread, a.enteredOnBehalf,
                a.secretHash != null, a.createdBy, a.createdAt, a.updatedBy, a.updatedAt,
                "/api/applications/" + a.id + "/history");
    }

    private Views.ApplicationRow row(Application a) {
        LocalDate due = dueOn(a);
        return new Views.ApplicationRow(a.id, a.reference, a.status, a.name, a.creditCode, a.provinceCode,
                provinceName(a.provinceCode), List.copyOf(a.schemes), a.submittedAt, due, overdue(a, due), a.decidedAt,
                a.enteredOnBehalf, a.updatedAt);
    }

    private String provinceName(String code) {
        return reference.province(code).map(ReferenceEntry::nameZh).orElse(null);
    }

    private LocalDate dueOn(Application a) {
        return a.submittedAt == null ? null
                : LocalDate.ofInstant(a.submittedAt, clock.getZone()).plusDays(config.reviewDueDays());
    }

    private boolean overdue(Application a, LocalDate due) {
        return due != null && ApplicationStatus.AWAITING_REVIEW.contains(a.status) && LocalDate.now(clock).isAfter(due);
    }

    /** Submitted before this instant and still awaiting review: overdue (the start of today − due days). */
    private Instant overdueCutoff() {
        return LocalDate.now(clock).minusDays(config.reviewDueDays()).atStartOfDay(clock.getZone()).toInstant();
    }

    private static List<ApplicationAttachment> attachments(long id) {
        return ApplicationAttachment.<ApplicationAttachment> find("applicationId = ?1 order by id", id).list();
    }

    private static List<ApplicationMessage> messages(long id) {
        return ApplicationMessage.<ApplicationMessage> find("applicationId = ?1 order by id", id).list();
    }

    private static long attachmentCount(long id) {
        return ApplicationAttachment.count("applicationId", id);
    }

    private static Set<AttachmentKind> heldKinds(long id) {
        Set<AttachmentKind> kinds = EnumSet.noneOf(AttachmentKind.class);
        attachments(id).forEach(a -> kinds.add(a.kind));
        return kinds;
    }

    private static Map<AttachmentKind, List<FileUpload>> byKind(List<FileUpload> licence, List<FileUpload> permit,
            List<FileUpload> other) {
        Map<AttachmentKind, List<FileUpload>> files = new EnumMap<>(AttachmentKind.class);
        files.put(AttachmentKind.BUSINESS_LICENCE, licence == null ? List.of() : licence);
        files.put(AttachmentKind.PERMIT, permit == null ? List.of() : permit);
        files.put(AttachmentKind.OTHER, other == null ? List.of() : other);
        return files;
    }

}
