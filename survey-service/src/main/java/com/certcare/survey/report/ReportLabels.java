package com.certcare.survey.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.reference.ReferenceLists;
import com.certcare.platform.time.ClockProducer;
import com.certcare.survey.analysis.QuarterReport;
import com.certcare.survey.campaign.Quarter;

/** The documents' wording (messages {@code doc.*}, Chinese) and how a figure, a group and a time read in them. */
final class ReportLabels {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockProducer.ZONE);

    private final Messages messages;
    private final ReferenceLists reference;
    private final Locale locale;

    ReportLabels(Messages messages, ReferenceLists reference, Locale locale) {
        this.messages = messages;
        this.reference = reference;
        this.locale = locale;
    }

    String get(String key, Object... args) {
        return messages.get(locale, "doc." + key, args);
    }

    String period(String quarter) {
        Quarter q = Quarter.parse(quarter, "quarter");
        return get("period", String.valueOf(q.year()), String.valueOf(q.quarter()), quarter);
    }

    /** A segment's name: 认证领域, 省份, …; the enum's name for one without a label. */
    String segment(String segment) {
        String label = get("segment." + segment);
        return label.startsWith("doc.") ? segment : label;
    }

    /** A group's name: the scheme's or province's name with its code, else the key; null: not recorded. */
    String group(String segment, String key) {
        if (key == null) {
            return get("unknown");
        }
        return switch (segment) {
            case "SCHEME" -> reference.scheme(key).map(e -> e.nameZh() + "（" + key + "）").orElse(key);
            case "PROVINCE" -> reference.province(key).map(e -> e.nameZh()).orElse(key);
            default -> key;
        };
    }

    /** Why a group shows no figure. */
    String hidden(QuarterReport.Group g, int min) {
        return "SECONDARY".equals(g.suppressedBecause()) ? get("secondary") : get("small", String.valueOf(min));
    }

    static String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    static String percent(BigDecimal value) {
        return value == null ? "—" : value.toPlainString() + "%";
    }

    static String change(BigDecimal value) {
        return value == null ? "—" : (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
