package com.certcare.feedback.topic;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.feedback.access.Caller;
import com.certcare.feedback.item.FeedbackItem;
import com.certcare.feedback.item.FeedbackService;
import com.certcare.feedback.sql.Rows;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;

/**
 * Topics on items (4.6). The market department sets them: it records and sorts the customers' opinions and finds the
 * common issues among them (the procedure gives that to 市场部客服人员); a topic counts towards common issues and the
 * year-end summary, so one department keeps the labels consistent. Whoever sees an item reads its topics (a department
 * only its own items, 404 otherwise). Setting topics changes the item: its version moves and its history shows
 * {@code topics} old → new.
 */
@ApplicationScoped
public class TopicService {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final FeedbackService items;
    private final ChangeHistory history;
    private final EntityManager em;
    private final Clock clock;

    TopicService(FeedbackService items, ChangeHistory history, EntityManager em, Clock clock) {
        this.items = items;
        this.history = history;
        this.em = em;
        this.clock = clock;
    }

    /** Replaces the item's topics with {@code in.topics()} (normalised, duplicates merged). */
    @Transactional
    public ItemTopics set(long id, TopicsInput in, Caller caller) {
        if (in == null) {
            throw ProblemException.invalid("body", "body-required");
        }
        List<String> wanted = check(in.topics());
        FeedbackItem f = items.visible(id, caller);
        if (in.version() != null && f.version != in.version()) {
            throw new ProblemException(409, "stale");
        }
        List<String> before = of(f.id);
        Instant now = clock.instant();
        if (!before.equals(wanted)) {
            em.createNativeQuery("delete from item_topic where item_id = ?1").setParameter(1, f.id).executeUpdate();
            String client = Topics.clientKey(f);
            for (String topic : wanted) {
                em.createNativeQuery("""
                        insert into item_topic (item_id, topic, client_key, kind, received_at, tagged_by, tagged_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                        .setParameter(1, f.id).setParameter(2, topic).setParameter(3, client).setParameter(4, f.kind.name())
                        .setParameter(5, f.receivedAt).setParameter(6, caller.name()).setParameter(7, now).executeUpdate();
            }
            history.record(f.history(), new Snapshot().put("topics", before), new Snapshot().put("topics", wanted),
                    caller.name(), null);
            f.touched(caller.name(), now);
            em.flush();
        }
        return new ItemTopics(f.id, f.reference, wanted, f.version);
    }

    /** The item's topics, if the caller sees the item (404 otherwise). */
    public ItemTopics get(long id, Caller caller) {
        FeedbackItem f = items.visible(id, caller);
        return new ItemTopics(f.id, f.reference, of(f.id), f.version);
    }

    /** Topics in use with their counts, most items first; {@code q}: part of the topic. Market and leader: all items. */
    public ListPage<TopicCount> counts(String q, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        v.text(q, false, 200, "q");
        v.throwIfAny();
        String where = q == null || q.isBlank() ? "" : " where lower(topic) like :q escape '\\'";
        var rows = em.createNativeQuery("select topic, count(*), count(distinct client_key), min(received_at),"
                + " max(received_at) from item_topic" + where + " group by topic order by count(*) desc, topic"
                + " limit " + asked.size() + " offset " + asked.offset());
        var total = em.createNativeQuery("select count(distinct topic) from item_topic" + where);
        if (!where.isEmpty()) {
            String pattern = Text.containsPattern(Topics.normalise(q));
            rows.setParameter("q", pattern);
            total.setParameter("q", pattern);
        }
        List<TopicCount> counts = new ArrayList<>();
        for (Object o : rows.getResultList()) {
            Object[] r = (Object[]) o;
            counts.add(new TopicCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    Rows.instant(r[3]), Rows.instant(r[4])));
        }
        return asked.answer(counts, ((Number) total.getSingleResult()).longValue());
    }

    /** The item's topics, sorted. */
    List<String> of(long itemId) {
        @SuppressWarnings("unchecked")
        List<String> topics = em.createNativeQuery("select topic from item_topic where item_id = ?1 order by topic")
                .setParameter(1, itemId).getResultList();
        return topics;
    }

    /** Every topic normalised and checked (each bad one named {@code topics[i]}); sorted, duplicates merged. */
    static List<String> check(List<String> topics) {
        Violations v = new Violations();
        if (topics == null) {
            throw ProblemException.invalid("topics", "required");
        }
        v.check(topics.size() <= Topics.MAX_PER_ITEM, "topics", "too-many", Topics.MAX_PER_ITEM);
        TreeSet<String> clean = new TreeSet<>();
        for (int i = 0; i < topics.size(); i++) {
            String field = "topics[" + i + "]";
            String topic = Topics.normalise(topics.get(i));
            if (v.check(topic != null && !topic.isEmpty(), field, "required") && v.plain(topic, field)
                    && v.check(Topics.length(topic) <= Topics.MAX, field, "too-long", Topics.MAX)) {
                clean.add(topic);
            }
        }
        v.throwIfAny();
        return List.copyOf(clean);
    }
}
