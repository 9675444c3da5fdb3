package com.certcare.survey.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.ProblemException.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Questionnaire versions: the first version of each configured template is loaded from its data file when the
 * database has none; a new version is appended, never written over an old one, so answers always point to the
 * questions they answered and quarters stay comparable.
 */
@ApplicationScoped
public class TemplateService {

    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{1,50}$");
    static final BigDecimal MAX_WEIGHT = new BigDecimal("100");
    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(TemplateService.class);

    private final ObjectMapper mapper;
    private final TemplateConfig config;
    private final Clock clock;

    TemplateService(ObjectMapper mapper, TemplateConfig config, Clock clock) {
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void loadAtStart(@Observes StartupEvent start) {
        for (String code : config.formNumbers().keySet()) {
            if (SurveyTemplate.count("code", code) > 0) {
                continue;
            }
            String resource = "survey/" + code + ".json";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("certcare.survey.templates.form-numbers names " + code
                            + " but there is no " + resource + " on the classpath");
                }
                TemplateDefinition definition = mapper.readValue(in, TemplateDefinition.class);
                List<Violation> problems = check(definition);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(resource + " is not a valid template: " + problems.stream()
                            .map(v -> v.field() + " " + v.messageKey()).toList());
                }
                store(code, 1, definition, SYSTEM);
                LOG.infof("Loaded survey template %s version 1 from %s", code, resource);
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
    }

    public List<TemplateView.Summary> list() {
        List<TemplateView.Summary> out = new ArrayList<>();
        List<SurveyTemplate> all = SurveyTemplate.list("order by code, version desc");
        String last = null;
        for (SurveyTemplate t : all) {
            if (t.code.equals(last)) {
                continue;
            }
            last = t.code;
            long versions = all.stream().filter(o -> o.code.equals(t.code)).count();
            out.add(new TemplateView.Summary(t.code, formNumber(t.code), title(t), t.version, (int) versions));
        }
        return out;
    }

    public TemplateView.Detail detail(String code) {
        requireCode(code);
        List<SurveyTemplate> versions = SurveyTemplate.list("code = ?1 order by version desc", code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("@entity.template", code);
        }
        SurveyTemplate current = versions.get(0);
        return new TemplateView.Detail(code, formNumber(code), title(current), current.version, view(current),
                versions.stream().map(v -> new TemplateView.VersionInfo(v.version, v.createdAt, v.createdBy, v.usedAt))
                        .toList());
    }

    public TemplateView version(String code, int version) {
        return view(find(code, version));
    }

    /** The newest version of {@code code}. */
    public SurveyTemplate current(String code) {
        requireCode(code);
        SurveyTemplate t = SurveyTemplate.find("code = ?1 order by version desc", code).firstResult();
        if (t == null) {
            throw ProblemException.notFound("@entity.template", code);
        }
        return t;
    }

    public SurveyTemplate find(String code, int version) {
        requireCode(code);
        SurveyTemplate t = SurveyTemplate.findById(new SurveyTemplate.Key(code, version));
        if (t == null) {
            throw ProblemException.notFound("@entity.template-version", code + " v" + version);
        }
        return t;
    }

    /** Parsed versions: a version is never changed once stored, so its questions can be kept (a few per template). */
    private final java.util.concurrent.ConcurrentMap<SurveyTemplate.Key, TemplateDefinition> parsed =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The questions of a version by its key, read and parsed once: every form shown and every answer taken needs them,
     * and a stored version never changes. 404 problem for an unknown version.
     */
    public TemplateDefinition definition(String code, int version) {
        SurveyTemplate.Key key = new SurveyTemplate.Key(code, version);
        TemplateDefinition known = parsed.get(key);
        if (known != null) {
            return known;
        }
        TemplateDefinition read = definition(find(code, version));
        parsed.putIfAbsent(key, read);
        return read;
    }

    /** The questions of a stored version. */
    public TemplateDefinition definition(SurveyTemplate t) {
        try {
            return mapper.readValue(t.definition, TemplateDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey_template " + t.code + " v" + t.version + " is unreadable", e);
        }
    }

    /** A campaign starts using the version: from now on it is frozen (it always was: versions are only appended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markUsed(SurveyTemplate t) {
        if (t.usedAt == null) {
            t.usedAt = clock.instant();
        }
    }

    /** Appends the next version of an existing template. */
    @Transactional
    public TemplateView newVersion(String code, TemplateDefinition body, String by) {
        requireCode(code);
        SurveyTemplate current = SurveyTemplate.find("code = ?1 order by version desc", code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (current == null) {
            throw ProblemException.notFound("@entity.template", code);
        }
        List<Violation> problems = check(body);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return view(store(code, current.version + 1, body, by));
    }

    private SurveyTemplate store(String code, int version, TemplateDefinition definition, String by) {
        SurveyTemplate t = new SurveyTemplate();
        t.code = code;
        t.version = version;
        t.titleZh = definition.title().zh().strip();
        t.titleEn = definition.title().en() == null ? null : definition.title().en().strip();
        try {
            t.definition = mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        t.createdAt = clock.instant();
        t.createdBy = by;
        t.persist();
        return t;
    }

    private TemplateView view(SurveyTemplate t) {
        TemplateDefinition d = definition(t);
        return new TemplateView(t.code, t.version, formNumber(t.code), d.title(), d.dimensions(), d.questions(),
                t.usedAt, t.createdAt, t.createdBy);
    }

    private static LocalText title(SurveyTemplate t) {
        return new LocalText(t.titleZh, t.titleEn);
    }

    public String formNumber(String code) {
        return config.formNumbers().getOrDefault(code, code);
    }

    /** Every rule a questionnaire version keeps; the fields named as in the request body. */
    static List<Violation> check(TemplateDefinition d) {
        List<Violation> out = new ArrayList<>();
        checkText(out, "title", d.title(), 200);
        Set<String> dimensions = new HashSet<>();
        if (d.dimensions() == null) {
            out.add(new Violation("dimensions", "required"));
        } else if (d.dimensions().size() > 20) {
            out.add(new Violation("dimensions", "too-many", 20));
        } else {
            for (int i = 0; i < d.dimensions().size(); i++) {
                TemplateDefinition.Dimension dim = d.dimensions().get(i);
                String at = "dimensions[" + i + "]";
                if (dim == null) {
                    out.add(new Violation(at, "required"));
                    continue;
                }
                checkCode(out, at + ".code", dim.code(), dimensions);
                checkText(out, at + ".title", dim.title(), 200);
            }
        }
        if (d.questions() == null || d.questions().isEmpty()) {
            out.add(new Violation("questions", "required"));
            return out;
        }
        if (d.questions().size() > 200) {
            out.add(new Violation("questions", "too-many", 200));
            return out;
        }
        Set<String> codes = new HashSet<>();
        boolean likert = false;
        for (int i = 0; i < d.questions().size(); i++) {
            TemplateDefinition.Question q = d.questions().get(i);
            String at = "questions[" + i + "]";
            if (q == null) {
                out.add(new Violation(at, "required"));
                continue;
            }
            checkCode(out, at + ".code", q.code(), codes);
            checkText(out, at + ".text", q.text(), 500);
            if (q.type() == null) {
                out.add(new Violation(at + ".type", "required"));
                continue;
            }
            switch (q.type()) {
                case LIKERT -> {
                    likert = true;
                    if (q.dimension() == null || !dimensions.contains(q.dimension())) {
                        out.add(new Violation(at + ".dimension", "unknown-dimension", String.valueOf(q.dimension())));
                    }
                    if (q.weight() == null || q.weight().signum() <= 0 || q.weight().compareTo(MAX_WEIGHT) > 0
                            || q.weight().scale() > 2) {
                        out.add(new Violation(at + ".weight", "weight"));
                    }
                    if (q.options() != null && !q.options().isEmpty()) {
                        out.add(new Violation(at + ".options", "no-options-here"));
                    }
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    if (q.options() == null || q.options().size() < 2) {
                        out.add(new Violation(at + ".options", "min-options", 2));
                    }
                }
                case TEXT -> {
                    if (q.options() != null && !q.options().isEmpty()) {
                        out.add(new Violation(at + ".options", "no-options-here"));
                    }
                }
            }
            if (q.options() != null && q.options().size() > 50) {
                out.add(new Violation(at + ".options", "too-many", 50));
            } else if (q.options() != null) {
                Set<String> options = new HashSet<>();
                for (int j = 0; j < q.options().size(); j++) {
                    TemplateDefinition.Option o = q.options().get(j);
                    if (o == null) {
                        out.add(new Violation(at + ".options[" + j + "]", "required"));
                        continue;
                    }
                    checkCode(out, at + ".options[" + j + "].code", o.code(), options);
                    checkText(out, at + ".options[" + j + "].text", o.text(), 200);
                }
            }
        }
        if (!likert && out.isEmpty()) {
            out.add(new Violation("questions", "no-likert"));
        }
        return out;
    }

    private static void checkCode(List<Violation> out, String field, String code, Set<String> seen) {
        if (code == null || code.isEmpty()) {
            out.add(new Violation(field, "required"));
        } else if (!CODE.matcher(code).matches()) {
            out.add(new Violation(field, "code-format"));
        } else if (!seen.add(code)) {
            out.add(new Violation(field, "duplicate"));
        }
    }

    private static void checkText(List<Violation> out, String field, LocalText text, int max) {
        if (text == null || text.zh() == null || text.zh().isBlank()) {
            out.add(new Violation(field + ".zh", "required"));
            return;
        }
        if (text.zh().length() > max) {
            out.add(new Violation(field + ".zh", "too-long", max));
        } else if (unprintable(text.zh())) {
            out.add(new Violation(field + ".zh", "control-characters"));
        }
        if (text.en() != null && text.en().length() > max) {
            out.add(new Violation(field + ".en", "too-long", max));
        } else if (text.en() != null && unprintable(text.en())) {
            out.add(new Violation(field + ".en", "control-characters"));
        }
    }

    /** Control characters (NUL among them, which PostgreSQL cannot store) or half a surrogate pair. */
    static boolean unprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A code that cannot be a template's is not one: 404 before the database sees it. */
    private static void requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.notFound("@entity.template", "?");
        }
    }

    /** For tests and the start-up check: the configured codes. */
    Map<String, String> formNumbers() {
        return config.formNumbers();
    }
}
