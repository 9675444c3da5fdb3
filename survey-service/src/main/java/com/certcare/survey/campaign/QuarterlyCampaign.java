package com.certcare.survey.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.certcare.platform.problem.ProblemException;

import io.quarkus.scheduler.Scheduled;

/**
 * Starts the current quarter's campaign by itself, when {@code certcare.survey.campaigns.cron} is set (e.g.
 * {@code 0 0 2 1 1,4,7,10 ?}: 02:00 on a quarter's first day); off by default, market starts campaigns with
 * {@code POST /api/surveys/campaigns}. A quarter that has its campaign already is left alone.
 */
@ApplicationScoped
public class QuarterlyCampaign {

    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(QuarterlyCampaign.class);

    private final CampaignService campaigns;
    private final Clock clock;

    QuarterlyCampaign(CampaignService campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Scheduled(identity = "survey-quarterly-campaign", cron = "${certcare.survey.campaigns.cron:off}",
            timeZone = "Asia/Shanghai", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        startCurrentQuarter().ifPresent(c -> LOG.infof("Started the %s survey campaign: %d dispatch(es)", c.quarter(),
                c.dispatched()));
    }

    /** The current quarter's campaign, made now; empty when the quarter has one already. */
    public Optional<CampaignView> startCurrentQuarter() {
        String quarter = Quarter.of(LocalDate.now(clock)).toString();
        if (Campaign.count("quarter", quarter) > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(campaigns.create(new CampaignInput(quarter, null, null), SYSTEM));
        } catch (ProblemException e) {
            if (e.status() == 409) { // made meanwhile by market or another instance
                return Optional.empty();
            }
            throw e;
        }
    }
}
