package com.certcare.survey.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.platform.time.ClockProducer;
import com.certcare.survey.campaign.Campaign;
import com.certcare.survey.campaign.Quarter;
import com.certcare.survey.template.QuestionType;
import com.certcare.survey.template.TemplateDefinition;
import com.certcare.survey.template.TemplateService;

/**
 * The quarterly figures and the annual satisfaction, read straight from the answers with SQL aggregates (PostgreSQL
 * does the counting; a quarter's report is a handful of grouped scans of its answers, however many there are).
 * The index of a group is the mean of its responses' indexes (each client counts once); an item's and a dimension's
 * figures pool their answers. Nothing is shown for a group smaller than the configured minimum.
 */
@ApplicationScoped
public class SatisfactionAnalysis {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManager em;
    private final AnalysisConfig config;
    private final TemplateService templates;

    SatisfactionAnalysis(EntityManager em, AnalysisConfig config, TemplateService templates) {
        this.em = em;
        this.config = config;
        this.templates = templates;
    }

    /**
     * The quarter's figures, from the cache while the quarter's and the previous quarter's answers and the quarter's
     * dispatches are as they were when it was computed (a cheap count over their indexes tells); else computed anew.
     */
    @Transactional
    public QuarterReport quarter(Quarter quarter, Segment by, Locale locale) {
        Quarter previous = previous(quarter);
        Object[] seen = (Object[]) em.createNativeQuery("select (select count(*) from survey_response where quarter = ?1),"
                + " (select coalesce(max(id), 0) from survey_response where quarter = ?1),"
                + " (select count(*) from survey_response where quarter = ?2),"
                + " (select coalesce(max(id), 0) from survey_response where quarter = ?2),"
                + " (select count(*) from survey_dispatch x join survey_campaign c on c.id = x.campaign_id where c.quarter = ?1)")
                .setParameter(1, quarter.toString()).setParameter(2, previous.toString()).getSingleResult();
        String fingerprint = java.util.Arrays.toString(seen) + "/" + config.minGroupSize();
        String key = quarter + "|" + by + "|" + locale.getLanguage();
        QuarterReport cached = cache.get(key, fingerprint);
        if (cached != null) {
            return cached;
        }
        // a quarter's answers are a small part of the table: the planner would hash the whole answer table; a nested
        // loop over the covering index (survey_answer_likert) reads only the quarter's (3× faster at 1,000,000 answers)
        em.createNativeQuery("set local enable_hashjoin = off").executeUpdate();
        em.createNativeQuery("set local enable_mergejoin = off").executeUpdate();
        int min = config.minGroupSize();
        Campaign campaign = Campaign.find("quarter", quarter.toString()).firstResult();
        TemplateDefinition template = campaign == null ? null
                : templates.definition(campaign.templateCode, campaign.templateVersion);

        QuarterReport.Group overall = groups(quarter, previous, Segment.NONE, template, locale, min).get(0);
        List<QuarterReport.Group> groups = by == Segment.NONE ? List.of()
                : groups(quarter, previous, by, template, locale, min);
        QuarterReport report = new QuarterReport(quarter.toString(), by, min, campaign == null ? null : campaign.templateCode,
                campaign == null ? null : campaign.templateVersion, previous.toString(), overall, groups);
        cache.put(key, fingerprint, report);
        return report;
    }

    /** Computed reports, at most {@code MAX_CACHED}, the least recently asked for going first. */
    private final Cache cache = new Cache();
    static final int MAX_CACHED = 256;

    private static final class Cache {
        private record Entry(String fingerprint, QuarterReport report) {
        }

        private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > MAX_CACHED;
            }
        };

        synchronized QuarterReport get(String key, String fingerprint) {
            Entry e = entries.get(key);
            return e != null && e.fingerprint().equals(fingerprint) ? e.report() : null;
        }

        synchronized void put(String key, String fingerprint, QuarterReport report) {
            entries.put(key, new Entry(fingerprint, report));
        }
    }

    /** One LIKERT item's answers in a group: count, sum and how many gave 1–5. */
    private record ItemSums(String key, String code, String dimension, BigDecimal weight, long answers, long sum,
            long[] counts) {
    }

    private Map<String, List<ItemSums>> itemSums(Quarter quarter, Segment by) {
        Map<String, List<ItemSums>> map = new LinkedHashMap<>();
        for (Object[] r : rows("select k.key, a.question_code, max(a.dimension), max(a.weight), count(*), sum(a.likert),"
                + " count(*) filter (where a.likert = 1), count(*) filter (where a.likert = 2),"
                + " count(*) filter (where a.likert = 3), count(*) filter (where a.likert = 4),"
                + " count(*) filter (where a.likert = 5)"
                + " from survey_response x" + by.lateral()
                + " join survey_answer a on a.response_id = x.id and a.likert is not null"
                + " where x.quarter = ?1 group by k.key, a.question_code order by a.question_code", quarter)) {
            ItemSums item = new ItemSums((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3], num(r[4]),
                    num(r[5]), new long[] { num(r[6]), num(r[7]), num(r[8]), num(r[9]), num(r[10]) });
            map.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item);
        }
        return map;
    }

    /**
     * A group's dimensions from its items: the mean pools the answers (Σ sum ÷ Σ count); the index weighs each item,
     * Σ w·(sum − count) ÷ Σ w·count ÷ 4 × 100; the responses are the most answers any of its items has.
     */
    private static Map<String, QuarterReport.Dimension> dimensions(List<ItemSums> items, TemplateDefinition template,
            Locale locale, Map<String, BigDecimal> previous) {
        Map<String, List<ItemSums>> byDimension = new LinkedHashMap<>();
        items.stream().filter(i -> i.dimension() != null)
                .forEach(i -> byDimension.computeIfAbsent(i.dimension(), d -> new ArrayList<>()).add(i));
        Map<String, QuarterReport.Dimension> out = new java.util.TreeMap<>();
        byDimension.forEach((code, list) -> {
            long answers = 0;
            long sum = 0;
            long responses = 0;
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (ItemSums i : list) {
                BigDecimal w = i.weight() == null ? BigDecimal.ONE : i.weight();
                answers += i.answers();
                sum += i.sum();
                responses = Math.max(responses, i.answers());
                weighted = weighted.add(w.multiply(BigDecimal.valueOf(i.sum() - i.answers())));
                weights = weights.add(w.multiply(BigDecimal.valueOf(i.answers())));
            }
            out.put(code, new QuarterReport.Dimension(code, dimensionName(template, code, locale), (int) responses,
                    divide(BigDecimal.valueOf(sum), BigDecimal.valueOf(answers)),
                    divide(weighted.multiply(BigDecimal.valueOf(25)), weights), previous == null ? null : previous.get(code)));
        });
        return out;
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, 10, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
    }

    private List<QuarterReport.Group> groups(Quarter quarter, Quarter previous, Segment by, TemplateDefinition template,
            Locale locale, int min) {
        Map<String, long[]> dispatches = new HashMap<>();
        for (Object[] r : rows("select k.key, count(*), count(*) filter (where x.status = 'ANSWERED')"
                + " from survey_dispatch x join survey_campaign c on c.id = x.campaign_id" + by.lateral()
                + " where c.quarter = ?1 group by k.key", quarter)) {
            dispatches.put((String) r[0], new long[] { num(r[1]), num(r[2]) });
        }
        Map<String, Object[]> responses = byKey(rows("select k.key, count(*), round(avg(x.score), 2)"
                + " from survey_response x" + by.lateral() + " where x.quarter = ?1 group by k.key", quarter));
        Map<String, Object[]> before = byKey(rows("select k.key, count(*), round(avg(x.score), 2)"
                + " from survey_response x" + by.lateral() + " where x.quarter = ?1 group by k.key", previous));
        Map<String, List<ItemSums>> items = itemSums(quarter, by);
        // the previous quarter's items only when some group there is shown
        boolean anyBefore = before.values().stream().anyMatch(b -> num(b[1]) >= min);
        Map<String, List<ItemSums>> itemsBefore = anyBefore ? itemSums(previous, by) : Map.of();

        List<String> keys = new ArrayList<>(responses.keySet());
        if (by == Segment.NONE) {
            keys = List.of("ALL");
        } else {
            dispatches.keySet().stream().filter(k -> !responses.containsKey(k)).forEach(keys::add);
            keys.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        }
        List<QuarterReport.Group> groups = new ArrayList<>();
        for (String key : keys) {
            Object[] r = responses.get(key);
            long count = r == null ? 0 : num(r[1]);
            long[] d = dispatches.getOrDefault(key, new long[] { 0, 0 });
            if (count < min) {
                groups.add(QuarterReport.Group.suppressed(by == Segment.NONE ? null : key, "SMALL"));
                continue;
            }
            BigDecimal index = (BigDecimal) r[2];
            Object[] b = before.get(key);
            BigDecimal previousIndex = b != null && num(b[1]) >= min ? (BigDecimal) b[2] : null;
            Map<String, BigDecimal> previousDimensions = new HashMap<>();
            if (previousIndex != null) {
                dimensions(itemsBefore.getOrDefault(key, List.of()), null, locale, null).values().stream()
                        .filter(p -> p.responses() >= min && p.index() != null)
                        .forEach(p -> previousDimensions.put(p.code(), p.index()));
            }
            List<QuarterReport.Dimension> dims = dimensions(items.getOrDefault(key, List.of()), template, locale,
                    previousDimensions).values().stream().filter(p -> p.responses() >= min).toList();
            List<QuarterReport.Item> its = new ArrayList<>();
            for (ItemSums i : items.getOrDefault(key, List.of())) {
                boolean shown = i.answers() >= min;
                long[] n = i.counts();
                its.add(new QuarterReport.Item(i.code(), i.dimension(), questionText(template, i.code(), locale),
                        i.weight(), (int) i.answers(),
                        shown ? divide(BigDecimal.valueOf(i.sum()), BigDecimal.valueOf(i.answers())) : null,
                        shown ? List.of((int) n[0], (int) n[1], (int) n[2], (int) n[3], (int) n[4]) : null));
            }
            groups.add(new QuarterReport.Group(by == Segment.NONE ? null : key, false, null, (int) d[0], (int) count,
                    rate(d[1], d[0]), index, previousIndex, previousIndex == null ? null : index.subtract(previousIndex),
                    dims, its));
        }
        if (by.partition && by != Segment.NONE) {
            secondarySuppression(groups);
        }
        return groups;
    }

    /**
     * In a split where exactly one group is too small, the total minus the others would give it away: the smallest
     * shown group goes too.
     */
    static void secondarySuppression(List<QuarterReport.Group> groups) {
        long small = groups.stream().filter(QuarterReport.Group::suppressed).count();
        if (small != 1 || groups.size() < 2) {
            return;
        }
        groups.stream().filter(g -> !g.suppressed()).min(Comparator.comparing(QuarterReport.Group::responses))
                .ifPresent(g -> groups.set(groups.indexOf(g), QuarterReport.Group.suppressed(g.key(), "SECONDARY")));
    }

    /** The year (4.7.2): the quarters' figures, the year's index, the serious events and what they deduct. */
    @Transactional
    public AnnualReport annual(int year) {
        int min = config.minGroupSize();
        AnalysisConfig.Annual criteria = config.annual();
        List<AnnualReport.QuarterFigure> quarters = new ArrayList<>();
        BigDecimal quarterSum = BigDecimal.ZERO;
        int quartersWithAnswers = 0;
        for (int q = 1; q <= 4; q++) {
            Quarter quarter = new Quarter(year, q);
            Object[] d = rows("select count(*), count(*) filter (where x.status = 'ANSWERED') from survey_dispatch x"
                    + " join survey_campaign c on c.id = x.campaign_id where c.quarter = ?1", quarter).get(0);
            Object[] r = rows("select count(*), avg(x.score) from survey_response x where x.quarter = ?1", quarter).get(0);
            long count = num(r[0]);
            if (count > 0 && r[1] != null) {
                quarterSum = quarterSum.add((BigDecimal) r[1]);
                quartersWithAnswers++;
            }
            quarters.add(count < min
                    ? new AnnualReport.QuarterFigure(quarter.toString(), true, null, null, null, null)
                    : new AnnualReport.QuarterFigure(quarter.toString(), false, (int) num(d[0]), (int) count,
                            rate(num(d[1]), num(d[0])), ((BigDecimal) r[1]).setScale(2, RoundingMode.HALF_UP)));
        }
        Object[] all = (Object[]) em.createNativeQuery("select count(*), avg(x.score) from survey_response x"
                + " where x.quarter like ?1").setParameter(1, year + "-Q%").getSingleResult();
        long responses = num(all[0]);
        ZoneId zone = ClockProducer.ZONE;
        int serious = ((Number) em.createNativeQuery("select count(*) from survey_serious_event"
                + " where recorded_at >= ?1 and recorded_at < ?2")
                .setParameter(1, LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime())
                .setParameter(2, LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime())
                .getSingleResult()).intValue();
        BigDecimal deduction = criteria.deductionPerEvent().multiply(BigDecimal.valueOf(serious))
                .min(criteria.maxDeduction()).setScale(2, RoundingMode.HALF_UP);
        boolean suppressed = responses < min;
        BigDecimal index = null;
        if (!suppressed) {
            index = criteria.weighting() == AnalysisConfig.Weighting.RESPONSES ? (BigDecimal) all[1]
                    : quarterSum.divide(BigDecimal.valueOf(quartersWithAnswers), 10, RoundingMode.HALF_UP);
            index = index.setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal figure = index == null ? null : index.subtract(deduction).max(BigDecimal.ZERO.setScale(2));
        return new AnnualReport(year, min, quarters, suppressed, suppressed ? null : (int) responses,
                criteria.weighting().name(), index, serious, criteria.deductionPerEvent(), criteria.maxDeduction(),
                deduction, figure, criteria.target(), figure == null ? null : figure.compareTo(criteria.target()) >= 0);
    }

    static Quarter previous(Quarter q) {
        return q.quarter() == 1 ? new Quarter(q.year() - 1, 4) : new Quarter(q.year(), q.quarter() - 1);
    }

    private static BigDecimal rate(long answered, long dispatched) {
        return dispatched == 0 ? null
                : BigDecimal.valueOf(answered).multiply(HUNDRED).divide(BigDecimal.valueOf(dispatched), 2, RoundingMode.HALF_UP);
    }

    private static String dimensionName(TemplateDefinition t, String code, Locale locale) {
        if (t == null) {
            return code;
        }
        return t.dimensions().stream().filter(d -> d.code().equals(code)).findFirst()
                .map(d -> text(d.title(), locale)).orElse(code);
    }

    private static String questionText(TemplateDefinition t, String code, Locale locale) {
        if (t == null) {
            return code;
        }
        TemplateDefinition.Question q = t.question(code);
        return q == null || q.type() != QuestionType.LIKERT ? code : text(q.text(), locale);
    }

    private static String text(com.certcare.survey.template.LocalText text, Locale locale) {
        return "en".equals(locale.getLanguage()) && text.en() != null && !text.en().isBlank() ? text.en() : text.zh();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Quarter quarter) {
        return em.createNativeQuery(sql).setParameter(1, quarter.toString()).getResultList();
    }

    private static Map<String, Object[]> byKey(List<Object[]> rows) {
        Map<String, Object[]> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put((String) r[0], r));
        return map;
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) Objects.requireNonNull(value)).longValue();
    }
}
