package com.certcare.survey.response;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a response is followed up ({@code SurveyLowScore}). */
@ConfigMapping(prefix = "certcare.survey.low-score")
public interface ScoreConfig {

    /**
     * On the 0–100 scale: a response whose index, or any of whose items, scores below this is followed up. 50 is the
     * neutral answer (3): the default follows up every "dissatisfied" (1–2) item and every index below neutral.
     */
    @WithDefault("50")
    BigDecimal threshold();
}
