package com.certcare.survey.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign with its counts (its dispatches: page by page, {@code GET /api/surveys/campaigns/{id}/dispatches}). */
@Schema(name = "CampaignView")
public record CampaignView(long id, String quarter, String templateCode, int templateVersion, Instant createdAt,
        String createdBy, int dispatched, int answered,
        @Schema(description = "answered / dispatched × 100, two decimals; null with no dispatch") BigDecimal responseRate) {

    static BigDecimal rate(int answered, int dispatched) {
        return dispatched == 0 ? null
                : BigDecimal.valueOf(answered * 100L).divide(BigDecimal.valueOf(dispatched), 2, RoundingMode.HALF_UP);
    }

    static CampaignView of(Campaign c, int dispatched, int answered) {
        return new CampaignView(c.id, c.quarter, c.templateCode, c.templateVersion, c.createdAt, c.createdBy,
                dispatched, answered, rate(answered, dispatched));
    }

    /** A dispatch as market sees it (the e-mail address masked). */
    @Schema(name = "DispatchView")
    public record DispatchView(long id, long campaignId, long customerId, String customerName, String email,
            DispatchStatus status, String failureReason, Instant expiresAt, Instant sentAt, Instant lastMailedAt,
            int remindersSent, Instant answeredAt, AnswerChannel answeredChannel) {

        static DispatchView of(Dispatch d) {
            return new DispatchView(d.id, d.campaignId, d.customerId, d.customerName, mask(d.email), d.status,
                    d.failureReason, d.expiresAt, d.sentAt, d.lastMailedAt, d.remindersSent, d.answeredAt,
                    d.answeredChannel);
        }
    }

    /** {@code zhang.san@example.com} → {@code z***@example.com}. */
    static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
