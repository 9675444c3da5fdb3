package com.certcare.feedback.analysis;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The Chinese labels of the year-end workbook and PDF (messages/report.properties): headers and enum names. */
public final class ReportLabels {

    private final ResourceBundle bundle = ResourceBundle.getBundle("messages/report", Locale.SIMPLIFIED_CHINESE,
            Thread.currentThread().getContextClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** The label, formatted with {@code args}; the key itself when none is defined. */
    public String get(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            return key;
        }
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }

    /** An enum value of {@code group} (kind, channel, class) in Chinese; null keys read {@code none.<group>}. */
    public String value(String group, String key) {
        return key == null ? get("none." + group) : bundle.containsKey(group + "." + key) ? get(group + "." + key) : key;
    }
}
