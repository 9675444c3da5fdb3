package com.certcare.platform.reference;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reference lists every service reads the same way: provinces (GB/T 2260) and the certification schemes the
 * body offers, loaded once from {@code certcare.reference.provinces} / {@code certcare.reference.schemes} (a file
 * path, else a classpath resource; the shipped {@code reference/provinces.csv} and {@code reference/schemes.csv}
 * by default). Lines: provinces {@code code,name_zh,name_en}, schemes {@code code,standard,name_zh,name_en};
 * {@code #} starts a comment.
 */
@ApplicationScoped
public class ReferenceLists {

    private final Map<String, ReferenceEntry> provinces;
    private final Map<String, ReferenceEntry> schemes;

    ReferenceLists(@ConfigProperty(name = "certcare.reference.provinces", defaultValue = "reference/provinces.csv") String provinces,
            @ConfigProperty(name = "certcare.reference.schemes", defaultValue = "reference/schemes.csv") String schemes) {
        this.provinces = load(provinces, false);
        this.schemes = load(schemes, true);
    }

    /** The lists from the given locations, outside CDI (tests, tools). */
    public static ReferenceLists of(String provinces, String schemes) {
        return new ReferenceLists(provinces, schemes);
    }

    public Optional<ReferenceEntry> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    public boolean isProvince(String code) {
        return code != null && provinces.containsKey(code);
    }

    public Optional<ReferenceEntry> scheme(String code) {
        return Optional.ofNullable(code == null ? null : schemes.get(code));
    }

    public boolean isScheme(String code) {
        return code != null && schemes.containsKey(code);
    }

    /** Code → entry, in the file's order. */
    public Map<String, ReferenceEntry> provinces() {
        return provinces;
    }

    /** Code → entry (detail: the standard), in the file's order. */
    public Map<String, ReferenceEntry> schemes() {
        return schemes;
    }

    /** Reads {@code code,name_zh,name_en} lines, or {@code code,detail,name_zh,name_en} when {@code withDetail}. */
    public static Map<String, ReferenceEntry> load(String location, boolean withDetail) {
        Map<String, ReferenceEntry> entries = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(location), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                ReferenceEntry entry = withDetail
                        ? new ReferenceEntry(f[0].strip(), f[2].strip(), f[3].strip(), f[1].strip())
                        : new ReferenceEntry(f[0].strip(), f[1].strip(), f[2].strip(), null);
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
            resource = ReferenceLists.class.getClassLoader().getResourceAsStream(location);
        }
        if (resource == null) {
            throw new IOException("not found as a file or on the classpath");
        }
        return resource;
    }

    /** For an API: a list in the caller's language ({@code code, name} and, where there is one, {@code standard}). */
    public static List<Map<String, String>> view(Map<String, ReferenceEntry> entries, Locale locale) {
        return entries.values().stream()
                .map(e -> e.detail() == null
                        ? Map.of("code", e.code(), "name", e.name(locale))
                        : Map.of("code", e.code(), "name", e.name(locale), "standard", e.detail()))
                .toList();
    }
}
