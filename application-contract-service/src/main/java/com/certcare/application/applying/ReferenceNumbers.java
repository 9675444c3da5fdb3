package com.certcare.application.applying;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Application references from {@code certcare.applications.reference-pattern} ({@code SQ-{yyyy}-{seq:5}} →
 * {@code SQ-2026-00001}). The running number is raised in a counter row (one per value of the pattern without its
 * number, e.g. per year) inside the caller's transaction: the row stays locked until it commits, so two at once get
 * consecutive numbers, and a rolled-back application gives its number back — no gaps.
 */
@ApplicationScoped
public class ReferenceNumbers {

    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d+))?}");

    private final EntityManager em;
    private final ApplicationConfig config;
    private final Clock clock;

    ReferenceNumbers(EntityManager em, ApplicationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public String next() {
        LocalDate today = LocalDate.now(clock);
        String pattern = config.referencePattern().replace("{yyyy}", String.format("%04d", today.getYear()))
                .replace("{yy}", String.format("%02d", today.getYear() % 100))
                .replace("{MM}", String.format("%02d", today.getMonthValue()));
        Matcher seq = SEQ.matcher(pattern);
        if (!seq.find()) {
            throw new IllegalStateException("certcare.applications.reference-pattern has no {seq}: " + pattern);
        }
        int digits = seq.group(1) == null ? 1 : Integer.parseInt(seq.group(1));
        String scope = pattern.substring(0, seq.start()) + "#" + pattern.substring(seq.end());
        Number last = (Number) em.createNativeQuery("""
                insert into application_reference_counter (scope, last) values (?1, 1)
                on conflict (scope) do update set last = application_reference_counter.last + 1
                returning last""").setParameter(1, scope).getSingleResult();
        String number = String.format("%0" + digits + "d", last.intValue());
        return pattern.substring(0, seq.start()) + number + pattern.substring(seq.end());
    }
}
