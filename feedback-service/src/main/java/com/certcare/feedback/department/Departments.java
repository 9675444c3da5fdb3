package com.certcare.feedback.department;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.certcare.platform.reference.ReferenceEntry;
import com.certcare.platform.reference.ReferenceLists;

/**
 * The body's departments (code, Chinese and English name), read once from {@code certcare.feedback.departments.file}
 * (a file path, else a classpath resource; {@code reference/departments.csv} ships here). Items are assigned and
 * decided only to a department of this list.
 */
@ApplicationScoped
public class Departments {

    private final Map<String, ReferenceEntry> entries;

    Departments(@ConfigProperty(name = "certcare.feedback.departments.file", defaultValue = "reference/departments.csv") String file) {
        this.entries = ReferenceLists.load(file, false);
        if (entries.isEmpty()) {
            throw new IllegalStateException("The department list " + file + " names no department");
        }
    }

    /** The list from {@code file}, outside CDI (tests). */
    public static Departments of(String file) {
        return new Departments(file);
    }

    public boolean isKnown(String code) {
        return code != null && entries.containsKey(code.strip());
    }

    /** One department named in {@code locale}, if the code is on the list. */
    public java.util.Optional<Department> find(String code, Locale locale) {
        ReferenceEntry e = code == null ? null : entries.get(code.strip());
        return java.util.Optional.ofNullable(e).map(x -> new Department(x.code(), x.name(locale), x.nameZh(), x.nameEn()));
    }

    /** In the file's order, named in {@code locale} ({@code en}: English, otherwise Chinese) and in both. */
    public List<Department> list(Locale locale) {
        return entries.values().stream()
                .map(e -> new Department(e.code(), e.name(locale), e.nameZh(), e.nameEn())).toList();
    }
}
