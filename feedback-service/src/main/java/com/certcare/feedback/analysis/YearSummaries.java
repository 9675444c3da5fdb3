package com.certcare.feedback.analysis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.certcare.feedback.commonissue.CommonIssueConfig;
import com.certcare.feedback.commonissue.CommonIssueQuery;
import com.certcare.feedback.item.FeedbackChannel;
import com.certcare.feedback.item.FeedbackClass;
import com.certcare.feedback.item.FeedbackKind;
import com.certcare.feedback.sql.Rows;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.time.ClockProducer;
import com.certcare.platform.web.HeavyReads;

/**
 * Computes the year-end summary in PostgreSQL: three aggregates over one range of received_at (the covering
 * {@code feedback_item_received} and {@code item_topic_received} indexes), whatever the number of items, plus the
 * year's common issues; both percentiles of a duration come from one sort ({@code percentile_cont(array[0.5, 0.9])}). Nothing is loaded row by row; every list is bounded (enums, 12 months, at most
 * {@value #MAX_DEPARTMENTS} departments, {@value #TOP_TOPICS} topics per need, {@value CommonIssueQuery#LIMIT}
 * recurring topics).
 */
@ApplicationScoped
public class YearSummaries {

    public static final int FIRST_YEAR = 2000;
    static final int MAX_DEPARTMENTS = 100;
    static final int TOP_TOPICS = 10;
    static final String WORK_MEM = "32MB";
    static final List<FeedbackKind> NEEDS = List.of(FeedbackKind.VALUE_ADDED, FeedbackKind.AFTER_SALES);

    private final CommonIssueQuery commonIssues;
    private final CommonIssueConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final HeavyReads heavyReads;

    YearSummaries(CommonIssueQuery commonIssues, CommonIssueConfig config, EntityManager em, Clock clock,
            HeavyReads heavyReads) {
        this.heavyReads = heavyReads;
        this.commonIssues = commonIssues;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /**
     * The summary of {@code year}: from 2000 to this year (400 {@code year} otherwise, at once), computed when a heavy
     * read's turn comes ({@link HeavyReads}: hundreds of milliseconds of database work for a year of 75,000 items).
     */
    public YearSummary of(Integer year) {
        int thisYear = LocalDate.now(clock.withZone(ClockProducer.ZONE)).getYear();
        if (year == null) {
            throw ProblemException.invalid("year", "required");
        }
        if (year < FIRST_YEAR || year > thisYear) {
            throw ProblemException.invalid("year", "between", String.valueOf(FIRST_YEAR), String.valueOf(thisYear));
        }
        return heavyReads.run(() -> compute(year));
    }

    private YearSummary compute(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ClockProducer.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ClockProducer.ZONE).toInstant();
        // a year of 75,000 items sorts and groups in memory (two percentile sorts, the grouping sets) instead of on disk
        em.createNativeQuery("set local work_mem = '" + WORK_MEM + "'").executeUpdate();

        Map<FeedbackKind, Long> kinds = new EnumMap<>(FeedbackKind.class);
        Map<FeedbackChannel, Long> channels = new EnumMap<>(FeedbackChannel.class);
        Map<String, Long> classes = new LinkedHashMap<>();
        List<YearSummary.Count> departments = new ArrayList<>();
        long[] months = new long[12];
        long received = 0;
        for (Object o : em.createNativeQuery("""
                select grouping(kind), grouping(channel), grouping(class), grouping(assigned_department), grouping(m),
                       kind, channel, class, assigned_department, m, count(*)
                from (select kind, channel, class, assigned_department,
                             extract(month from received_at at time zone 'Asia/Shanghai')::int as m
                      from feedback_item where received_at >= ?1 and received_at < ?2) f
                group by grouping sets ((kind), (channel), (class), (assigned_department), (m), ())
                order by count(*) desc, assigned_department""").setParameter(1, from).setParameter(2, to)
                .getResultList()) {
            Object[] r = (Object[]) o;
            long n = Rows.count(r[10]);
            if (Rows.count(r[0]) == 0) {
                kinds.put(FeedbackKind.valueOf((String) r[5]), n);
            } else if (Rows.count(r[1]) == 0) {
                channels.put(FeedbackChannel.valueOf((String) r[6]), n);
            } else if (Rows.count(r[2]) == 0) {
                classes.put((String) r[7], n);
            } else if (Rows.count(r[3]) == 0) {
                if (departments.size() < MAX_DEPARTMENTS) {
                    departments.add(new YearSummary.Count((String) r[8], n));
                }
            } else if (Rows.count(r[4]) == 0) {
                months[((Number) r[9]).intValue() - 1] = n;
            } else {
                received = n;
            }
        }

        Object[] t = (Object[]) em.createNativeQuery("""
                select n_fr, p_fr[1], p_fr[2], n_rs, p_rs[1], p_rs[2], serious from (
                    select count(fr) as n_fr, percentile_cont(array[0.5, 0.9]) within group (order by fr) as p_fr,
                           count(rs) as n_rs, percentile_cont(array[0.5, 0.9]) within group (order by rs) as p_rs,
                           count(*) filter (where serious_marked_at is not null) as serious
                    from (select extract(epoch from first_responded_at - received_at)::float8 / 3600 as fr,
                                 extract(epoch from resolved_at - received_at)::float8 / 3600 as rs, serious_marked_at
                          from feedback_item where received_at >= ?1 and received_at < ?2) f) p""")
                .setParameter(1, from).setParameter(2, to).getSingleResult();

        Map<FeedbackKind, List<YearSummary.TopicItems>> top = new EnumMap<>(FeedbackKind.class);
        for (Object o : em.createNativeQuery("""
                select kind, topic, n from (
                    select kind, topic, count(*) as n,
                           row_number() over (partition by kind order by count(*) desc, topic) as rank
                    from item_topic where received_at >= ?1 and received_at < ?2 and kind in ('VALUE_ADDED', 'AFTER_SALES')
                    group by kind, topic) t
                where rank <= ?3 order by kind, n desc, topic""").setParameter(1, from).setParameter(2, to)
                .setParameter(3, TOP_TOPICS).getResultList()) {
            Object[] r = (Object[]) o;
            top.computeIfAbsent(FeedbackKind.valueOf((String) r[0]), k -> new ArrayList<>())
                    .add(new YearSummary.TopicItems((String) r[1], Rows.count(r[2])));
        }

        List<YearSummary.Count> byKind = new ArrayList<>();
        for (FeedbackKind k : FeedbackKind.values()) {
            byKind.add(new YearSummary.Count(k.name(), kinds.getOrDefault(k, 0L)));
        }
        List<YearSummary.Count> byChannel = new ArrayList<>();
        for (FeedbackChannel c : FeedbackChannel.values()) {
            byChannel.add(new YearSummary.Count(c.name(), channels.getOrDefault(c, 0L)));
        }
        List<YearSummary.Count> byClass = new ArrayList<>();
        for (FeedbackClass c : FeedbackClass.values()) {
            byClass.add(new YearSummary.Count(c.name(), classes.getOrDefault(c.name(), 0L)));
        }
        byClass.add(new YearSummary.Count(null, classes.getOrDefault(null, 0L)));
        List<YearSummary.MonthCount> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new YearSummary.MonthCount(m + 1, months[m]));
        }
        List<YearSummary.Need> needs = NEEDS.stream().map(k -> new YearSummary.Need(k, kinds.getOrDefault(k, 0L),
                top.getOrDefault(k, List.of()))).toList();
        List<YearSummary.RecurringTopic> recurring = commonIssues.between(from, to, config.minClients()).stream()
                .map(c -> new YearSummary.RecurringTopic(c.topic(), c.clients(), c.items(), c.firstSeen(), c.lastSeen()))
                .toList();
        return new YearSummary(year, from, to, received, byKind, byChannel, byClass, departments, byMonth,
                new YearSummary.Durations(Rows.count(t[0]), Rows.twoDecimals(t[1]), Rows.twoDecimals(t[2])),
                new YearSummary.Durations(Rows.count(t[3]), Rows.twoDecimals(t[4]), Rows.twoDecimals(t[5])),
                YearSummary.PERCENTILE_METHOD, config.minClients(), recurring, needs, Rows.count(t[6]));
    }
}
