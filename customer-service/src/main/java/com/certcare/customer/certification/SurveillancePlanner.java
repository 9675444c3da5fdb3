package com.certcare.customer.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plans surveillance audits from the decision date: the first on the last day inside
 * {@code firstWithinMonths}, then one each {@code intervalMonths}, all before the cycle ends.
 * With the defaults (12/12/36) a decision on 2026-03-15 plans 2027-03-14 and 2028-03-14.
 */
@ApplicationScoped
public class SurveillancePlanner {

    private final SurveillanceConfig config;

    SurveillancePlanner(SurveillanceConfig config) {
        this.config = config;
    }

    public List<LocalDate> plan(LocalDate decisionOn) {
        List<LocalDate> dates = new ArrayList<>();
        if (decisionOn == null) {
            return dates;
        }
        LocalDate cycleEnd = decisionOn.plusMonths(config.cycleMonths());
        for (int months = config.firstWithinMonths(); ; months += config.intervalMonths()) {
            LocalDate date = decisionOn.plusMonths(months).minusDays(1);
            if (!date.isBefore(cycleEnd.minusDays(1)) || config.intervalMonths() <= 0) {
                break;
            }
            dates.add(date);
        }
        return dates;
    }
}
