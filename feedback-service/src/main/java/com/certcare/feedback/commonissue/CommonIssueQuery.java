package com.certcare.feedback.commonissue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.certcare.feedback.sql.Rows;

/**
 * Which topics are common issues in a window of receipt: those on items about at least {@code minClients} distinct
 * clients (item_topic.client_key: the customer, or a prospect by name). Two hash aggregates over item_topic's
 * (received_at) index — per topic and client, then per topic (no count(distinct), which sorts) — at most
 * {@value #LIMIT} topics, most clients first.
 */
@ApplicationScoped
public class CommonIssueQuery {

    public static final int LIMIT = 200;

    /** A common issue found: its topic and figures in the window. */
    public record Found(String topic, long clients, long items, Instant firstSeen, Instant lastSeen) {
    }

    private final EntityManager em;

    CommonIssueQuery(EntityManager em) {
        this.em = em;
    }

    public List<Found> between(Instant from, Instant to, int minClients) {
        List<Found> found = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                select topic, count(*), sum(n), min(first_seen), max(last_seen) from (
                    select topic, client_key, count(*) as n, min(received_at) as first_seen, max(received_at) as last_seen
                    from item_topic where received_at >= ?1 and received_at < ?2 group by topic, client_key) per_client
                group by topic having count(*) >= ?3
                order by 2 desc, 3 desc, topic limit""" + " " + LIMIT).setParameter(1, from).setParameter(2, to)
                .setParameter(3, minClients).getResultList()) {
            Object[] r = (Object[]) o;
            found.add(new Found((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    Rows.instant(r[3]), Rows.instant(r[4])));
        }
        return found;
    }

    /** One topic's figures in the window (zeros when no item carries it). */
    public Found of(String topic, Instant from, Instant to) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select count(distinct client_key), count(*), min(received_at), max(received_at) from item_topic
                where topic = ?1 and received_at >= ?2 and received_at < ?3""").setParameter(1, topic)
                .setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Found(topic, ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Rows.instant(r[2]), Rows.instant(r[3]));
    }
}
