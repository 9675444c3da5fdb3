package com.certcare.platform.problem;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * User-facing text in zh-CN (the base bundles) and English ({@code _en} bundles). A service's own
 * bundle is searched before the platform's, so it can add codes and override wording.
 */
@ApplicationScoped
public class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    @ConfigMapping(prefix = "certcare.messages")
    public interface Config {
        /** Bundle base names, searched in order. */
        @WithDefault("messages/service,messages/platform")
        List<String> bundles();
    }

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> bundles;

    Messages(Config config) {
        this.bundles = config.bundles();
    }

    /** The text for {@code key} in {@code locale}, formatted with {@code args}; the key itself if none. */
    public String get(Locale locale, String key, Object... args) {
        for (String name : bundles) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(name, locale, Thread.currentThread().getContextClassLoader(),
                        NO_FALLBACK);
            } catch (MissingResourceException absent) {
                continue;
            }
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(localize(locale, args));
            }
        }
        return key;
    }

    /** Arguments that are message keys themselves (prefixed {@code @}) are translated too. */
    private Object[] localize(Locale locale, Object[] args) {
        List<Object> out = new ArrayList<>(args.length);
        for (Object arg : args) {
            if (arg instanceof String s && s.startsWith("@")) {
                out.add(get(locale, s.substring(1)));
            } else if (arg instanceof Number || arg instanceof Enum<?>) {
                out.add(String.valueOf(arg)); // ids and codes, never "999,999"
            } else {
                out.add(arg);
            }
        }
        return out.toArray();
    }

    /** zh-CN unless the caller prefers English. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(locale.getLanguage())) {
                return DEFAULT_LOCALE;
            }
        }
        return DEFAULT_LOCALE;
    }
}
