package com.certcare.survey.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.certcare.platform.problem.Messages;
import com.certcare.survey.analysis.QuarterReport;

/**
 * The conclusions a never-saved report suggests, written from the quarter's overall figures in the reader's language
 * (messages {@code report.draft.*}): responses and response rate, the index and its change against the previous
 * quarter, the strongest and the weakest dimension, and what to do about the weakest. Market edits it before issuing.
 */
final class DraftConclusions {

    private DraftConclusions() {
    }

    static String of(QuarterReport q, Messages messages, Locale locale) {
        StringBuilder out = new StringBuilder();
        QuarterReport.Group all = q.overall();
        if (all.suppressed()) {
            out.append(messages.get(locale, "report.draft.suppressed", q.quarter(), q.minGroupSize()));
            out.append("\n\n").append(messages.get(locale, "report.draft.note"));
            return out.toString();
        }
        out.append(messages.get(locale, "report.draft.responses", q.quarter(), all.dispatched(), all.responses(),
                all.responseRate() == null ? "—" : plain(all.responseRate())));
        out.append("\n");
        if (all.previousIndex() == null) {
            out.append(messages.get(locale, "report.draft.no-previous", plain(all.index()), q.previousQuarter()));
        } else {
            int sign = all.change().signum();
            String key = sign > 0 ? "report.draft.up" : sign < 0 ? "report.draft.down" : "report.draft.same";
            out.append(messages.get(locale, key, plain(all.index()), q.previousQuarter(), plain(all.previousIndex()),
                    plain(all.change().abs())));
        }
        List<QuarterReport.Dimension> dims = all.dimensions();
        if (dims.size() >= 2) {
            Comparator<QuarterReport.Dimension> byIndex = Comparator.comparing(QuarterReport.Dimension::index);
            QuarterReport.Dimension best = dims.stream().max(byIndex).orElseThrow();
            QuarterReport.Dimension worst = dims.stream().min(byIndex).orElseThrow();
            out.append("\n");
            if (best.index().compareTo(worst.index()) == 0) {
                out.append(messages.get(locale, "report.draft.dimensions-even", plain(best.index())));
            } else {
                out.append(messages.get(locale, "report.draft.dimensions", best.name(), plain(best.index()), worst.name(),
                        plain(worst.index())));
                out.append("\n").append(messages.get(locale, "report.draft.action", worst.name()));
            }
        }
        out.append("\n\n").append(messages.get(locale, "report.draft.note"));
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
