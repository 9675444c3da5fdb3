package com.certcare.survey.response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The satisfaction index of one response: the importance-weighted mean of its LIKERT items, normalised to 0–100,
 * {@code (mean − 1) / 4 × 100}; an item's own score is {@code (s − 1) / 4 × 100}. Two decimals, half up.
 */
final class Scoring {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    record Item(String code, int likert, BigDecimal weight) {
    }

    static BigDecimal itemScore(int likert) {
        return BigDecimal.valueOf((likert - 1) * 25L).setScale(2, RoundingMode.HALF_UP);
    }

    /** Null when no LIKERT item was answered. */
    static BigDecimal index(List<Item> items) {
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Item i : items) {
            weights = weights.add(i.weight());
            sum = sum.add(i.weight().multiply(BigDecimal.valueOf(i.likert() - 1)));
        }
        if (weights.signum() == 0) {
            return null;
        }
        // (Σ w·(s−1) / Σ w) / 4 × 100 = Σ w·(s−1) × 25 / Σ w
        return sum.multiply(BigDecimal.valueOf(25)).divide(weights, 2, RoundingMode.HALF_UP);
    }
}
