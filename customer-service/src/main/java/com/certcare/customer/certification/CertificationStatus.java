package com.certcare.customer.certification;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a customer's certification under one scheme stands. Only the transitions listed here are
 * allowed; {@link #canBecome} is the one place that decides.
 */
public enum CertificationStatus {
    APPLYING, CONTRACTED, AUDITING, VALID, SUSPENDED, WITHDRAWN, CANCELLED, EXPIRED,
    /** A record that never became a certificate (终止); CANCELLED (注销) is a certificate's, reported nationally. */
    TERMINATED;

    /** The states in which a certificate is live (its number must be unique among these). */
    public static final Set<CertificationStatus> LIVE_CERTIFICATE = EnumSet.of(VALID, SUSPENDED);
    /**
     * {@link #LIVE_CERTIFICATE} as SQL, for {@code status in (…)}: {@code 'VALID', 'SUSPENDED'}. Every query that
     * means "a live certificate" uses this rather than its own spelling, so Java and SQL cannot disagree. (The
     * migrations V2 — the unique index on live certificate numbers —, V6, V11, V12 and V17 — partial indexes of live
     * certificates — spell it out: they ran once, as written; a change of this set needs a new migration for those
     * indexes.)
     */
    public static final String LIVE_CERTIFICATE_SQL = sqlList(LIVE_CERTIFICATE);
    /** End states: a new record may follow for the same scheme. */
    public static final Set<CertificationStatus> FINAL = EnumSet.of(WITHDRAWN, CANCELLED, EXPIRED, TERMINATED);

    public Set<CertificationStatus> next() {
        return switch (this) {
            case APPLYING -> EnumSet.of(CONTRACTED, TERMINATED);
            case CONTRACTED -> EnumSet.of(AUDITING, TERMINATED);
            case AUDITING -> EnumSet.of(VALID, TERMINATED);
            case VALID -> EnumSet.of(SUSPENDED, WITHDRAWN, CANCELLED, EXPIRED);
            case SUSPENDED -> EnumSet.of(VALID, WITHDRAWN, CANCELLED, EXPIRED);
            case WITHDRAWN, CANCELLED, EXPIRED, TERMINATED -> EnumSet.noneOf(CertificationStatus.class);
        };
    }

    public boolean canBecome(CertificationStatus target) {
        return next().contains(target);
    }

    /** Statuses as an SQL list of literals; safe to inline, as they are enum names, never user text. */
    public static String sqlList(Collection<CertificationStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    /** Statuses that need a certificate number, issue and expiry date. */
    public boolean needsCertificate() {
        return this == VALID || this == SUSPENDED || this == WITHDRAWN || this == EXPIRED;
    }
}
