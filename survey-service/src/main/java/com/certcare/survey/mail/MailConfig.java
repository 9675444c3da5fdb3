package com.certcare.survey.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Invitations and reminders by e-mail (the SMTP server itself is {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "certcare.survey.mail")
public interface MailConfig {

    /** The survey page's address in the web app; {@code {token}} is replaced by the link's token. */
    @WithDefault("http://localhost:5173/survey/{token}")
    String publicUrl();

    /** The certification body's name as the mail signs it. */
    @WithDefault("认证机构市场部")
    String signature();

    /** How often the job runs (expire, remind, send what is pending); {@code off} never (tests call it). */
    @WithDefault("1m")
    String interval();

    /** At most this many mails per run. */
    @WithDefault("200")
    int batchSize();

    /**
     * A mail claimed for sending longer ago than this (the sender crashed between claim and outcome) goes back to
     * PENDING: it may then arrive twice, each time with a working link, rather than never.
     */
    @WithDefault("PT10M")
    java.time.Duration claimTimeout();

    /**
     * Claims a mail gets at most: one whose claim is left behind this many times (the sender died on it each time)
     * is FAILED with the reason, on its dispatch too (phone or fax is the fallback), not claimed again.
     */
    @WithDefault("3")
    int maxClaims();

    /** Send at once when a transaction that queued mail commits (besides the periodic run). */
    @WithDefault("true")
    boolean sendOnCommit();
}
