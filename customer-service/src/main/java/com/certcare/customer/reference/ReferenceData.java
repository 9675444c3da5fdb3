package com.certcare.customer.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Provinces (GB/T 2260), certification schemes and professional codes (专业代码), loaded once from the
 * files named in {@link ReferenceConfig}. Lines: {@code code,name_zh,name_en[,...]}; {@code #} comments.
 */
@ApplicationScoped
public class ReferenceData {

    private final Map<String, ReferenceEntry> provinces;
    private final Map<String, ReferenceEntry> schemes;
    private final Map<String, ReferenceEntry> professionalCodes;
    private final Pattern professionalCodePattern;
    private final boolean strict;
    private final int sectors;

    ReferenceData(ReferenceConfig config) {
        provinces = load(config.provinces(), Shape.CODE_ZH_EN);
        schemes = load(config.schemes(), Shape.CODE_STANDARD_ZH_EN);
        professionalCodes = load(config.professionalCodes(), Shape.CODE_ZH_EN);
        professionalCodePattern = Pattern.compile(config.professionalCodePattern());
        strict = config.professionalCodesStrict();
        sectors = config.professionalCodeSectors();
    }

    public Optional<ReferenceEntry> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    public boolean isScheme(String code) {
        return code != null && schemes.containsKey(code);
    }

    public boolean hasProfessionalCodeShape(String code) {
        return code != null && professionalCodePattern.matcher(code).matches();
    }

    /** A professional code as the rules see it: malformed, of no known IAF sector, not in the list, or listed. */
    public enum CodeStanding { MALFORMED, UNKNOWN_SECTOR, UNLISTED, LISTED }

    public CodeStanding professionalCodeStanding(String code) {
        if (!hasProfessionalCodeShape(code)) {
            return CodeStanding.MALFORMED;
        }
        if (isProfessionalCode(code)) {
            return CodeStanding.LISTED;
        }
        int dot = code.indexOf('.');
        String sector = dot < 0 ? code : code.substring(0, dot);
        try {
            int n = Integer.parseInt(sector);
            if (n < 1 || n > sectors) {
                return CodeStanding.UNKNOWN_SECTOR;
            }
        } catch (NumberFormatException e) {
            return CodeStanding.UNKNOWN_SECTOR;
        }
        return CodeStanding.UNLISTED;
    }

    /** Whether an unlisted code (right shape, known sector) is refused rather than taken. */
    public boolean professionalCodesStrict() {
        return strict;
    }

    public boolean isProfessionalCode(String code) {
        return code != null && professionalCodes.containsKey(code);
    }

    public Map<String, ReferenceEntry> provinces() {
        return provinces;
    }

    public Map<String, ReferenceEntry> schemes() {
        return schemes;
    }

    public Map<String, ReferenceEntry> professionalCodes() {
        return professionalCodes;
    }

    private enum Shape { CODE_ZH_EN, CODE_STANDARD_ZH_EN }

    private static Map<String, ReferenceEntry> load(String location, Shape shape) {
        Map<String, ReferenceEntry> entries = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(location), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                ReferenceEntry entry = shape == Shape.CODE_ZH_EN
                        ? new ReferenceEntry(f[0].strip(), f[1].strip(), f[2].strip(), null)
                        : new ReferenceEntry(f[0].strip(), f[2].strip(), f[3].strip(), f[1].strip());
                entries.put(entry.code(), entry);
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("Reference list " + location + " cannot be read: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(entries);
    }

    /** A file path if one exists there, else a classpath resource: how every reference file is found. */
    public static InputStream open(String location) throws IOException {
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (resource == null) {
            throw new IOException("not found as a file or on the classpath");
        }
        return resource;
    }

    /** For the API: the lists in the caller's language. */
    public static List<Map<String, String>> view(Map<String, ReferenceEntry> entries, java.util.Locale locale) {
        return entries.values().stream()
                .map(e -> e.detail() == null
                        ? Map.of("code", e.code(), "name", e.name(locale))
                        : Map.of("code", e.code(), "name", e.name(locale), "standard", e.detail()))
                .toList();
    }
}
