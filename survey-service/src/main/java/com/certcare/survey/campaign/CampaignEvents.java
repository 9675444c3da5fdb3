package com.certcare.survey.campaign;

import java.time.Instant;

/** Events about campaigns and dispatches, on topic {@code surveys} keyed by the dispatch id. */
public final class CampaignEvents {

    public static final String TOPIC = "surveys";
    public static final String DISPATCHED = "SurveyDispatched";
    public static final int SCHEMA_VERSION = 1;

    private CampaignEvents() {
    }

    /** A client was asked: a dispatch was made in a campaign ({@code byEmail} false: phone or fax is the way). */
    public record Dispatched(String dispatchId, long campaignId, long customerId, String quarter, String templateCode,
            int templateVersion, boolean byEmail, Instant expiresAt) {

        static Dispatched of(Dispatch d, Campaign c) {
            return new Dispatched(String.valueOf(d.id), c.id, d.customerId, c.quarter, c.templateCode,
                    c.templateVersion, d.email != null, d.expiresAt);
        }
    }
}
