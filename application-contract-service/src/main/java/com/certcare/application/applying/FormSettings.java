package com.certcare.application.applying;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.reference.ReferenceLists;

/**
 * What the body configures about form 16-01 besides plain settings, read once: which attachment kinds each scheme
 * requires, and the guidance shown beside each field (4.1.3), in Chinese and English.
 */
@ApplicationScoped
public class FormSettings {

    private final Set<AttachmentKind> everyScheme;
    private final Map<String, Set<AttachmentKind>> perScheme;
    private final Map<String, String> guidanceZh;
    private final Map<String, String> guidanceEn;

    FormSettings(ApplicationConfig config) {
        Properties required = load(config.requiredAttachments());
        everyScheme = kinds(required.getProperty("*", ""), "*");
        Map<String, Set<AttachmentKind>> schemes = new LinkedHashMap<>();
        for (String scheme : required.stringPropertyNames()) {
            if (!scheme.equals("*")) {
                schemes.put(scheme, kinds(required.getProperty(scheme), scheme));
            }
        }
        perScheme = Collections.unmodifiableMap(schemes);
        guidanceZh = asMap(load(config.guidance() + "_zh_CN.properties"));
        guidanceEn = asMap(load(config.guidance() + "_en.properties"));
    }

    /** The kinds an application for these schemes must attach, in the enum's order. */
    public Set<AttachmentKind> required(List<String> schemes) {
        Set<AttachmentKind> kinds = EnumSet.noneOf(AttachmentKind.class);
        kinds.addAll(everyScheme);
        for (String scheme : schemes) {
            kinds.addAll(perScheme.getOrDefault(scheme, Set.of()));
        }
        return kinds;
    }

    public List<AttachmentKind> required(String scheme) {
        return new ArrayList<>(required(List.of(scheme)));
    }

    /** Field → guidance text in the caller's language (Chinese unless English is asked for). */
    public Map<String, String> guidance(Locale locale) {
        return "en".equals(locale.getLanguage()) ? guidanceEn : guidanceZh;
    }

    private static Set<AttachmentKind> kinds(String list, String key) {
        Set<AttachmentKind> kinds = EnumSet.noneOf(AttachmentKind.class);
        for (String kind : list.split(",")) {
            if (!kind.isBlank()) {
                try {
                    kinds.add(AttachmentKind.valueOf(kind.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Unknown attachment kind " + kind + " for " + key
                            + " in certcare.applications.required-attachments", e);
                }
            }
        }
        return Collections.unmodifiableSet(kinds);
    }

    private static Map<String, String> asMap(Properties p) {
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return Collections.unmodifiableMap(map);
    }

    private static Properties load(String location) {
        Properties p = new Properties();
        try (InputStream in = ReferenceLists.open(location); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Application form setting " + location + " cannot be read: " + e.getMessage(), e);
        }
        return p;
    }
}
