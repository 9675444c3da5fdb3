package com.certcare.survey.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * One-time links: a token is 256 random bits (43 base64url characters); only its SHA-256 is stored. Each mail gets a
 * fresh token; every token of a dispatch leads to the same dispatch and so to its single answer.
 */
@ApplicationScoped
public class SurveyLinks {

    static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Clock clock;

    SurveyLinks(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A new token for the dispatch; the caller puts it in the mail and forgets it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(Dispatch dispatch) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("insert into survey_link (token_hash, dispatch_id, created_at) values (?1, ?2, ?3)")
                .setParameter(1, hash(token)).setParameter(2, dispatch.id).setParameter(3, clock.instant())
                .executeUpdate();
        return token;
    }

    /** The dispatch the token leads to, or null; with {@code lock} the dispatch row is locked for the answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Dispatch resolve(String token, boolean lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return null;
        }
        var ids = em.createNativeQuery("select dispatch_id from survey_link where token_hash = ?1")
                .setParameter(1, hash(token)).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        long id = ((Number) ids.get(0)).longValue();
        return lock ? em.find(Dispatch.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Dispatch.class, id);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
