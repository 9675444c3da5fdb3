package com.certcare.customer.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.reference.ReferenceEntry;
import com.certcare.platform.reference.ReferenceLists;

/**
 * The reference lists customer-service checks against: provinces (GB/T 2260) and certification schemes from the
 * platform's {@link ReferenceLists} (shared with the other services), and what is the registry's own — professional
 * codes (专业代码), loaded once from the file named in {@link ReferenceConfig}. Lines: {@code code,name_zh,name_en};
 * {@code #} comments.
 */
@ApplicationScoped
public class ReferenceData {

    private final Map<String, ReferenceEntry> provinces;
    private final Map<String, ReferenceEntry> schemes;
    private final Map<String, ReferenceEntry> professionalCodes;
    private final Pattern professionalCodePattern;
    private final boolean strict;
    private final int sectors;

    ReferenceData(ReferenceConfig config, ReferenceLists shared) {
        provinces = shared.provinces();
        schemes = shared.schemes();
        professionalCodes = ReferenceLists.load(config.professionalCodes(), false);
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
    /**
     * A list of professional codes as entered ({@code field}: e.g. {@code professionalCodes}): at most {@code max},
     * each well-formed, of a known sector, listed when the list is strict, none twice; each breach names
     * {@code field[i]}.
     */
    public void checkProfessionalCodes(List<String> codes, int max, com.certcare.platform.problem.Violations v, String field) {
        if (codes == null) {
            return;
        }
        if (!v.check(codes.size() <= max, field, "too-many", max)) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = field + "[" + i + "]";
            CodeStanding standing = professionalCodeStanding(code);
            if (!v.check(standing != CodeStanding.MALFORMED, at, "professional-code-format")) {
                continue;
            }
            v.check(standing != CodeStanding.UNKNOWN_SECTOR, at, "professional-code-sector");
            v.check(standing != CodeStanding.UNLISTED || !professionalCodesStrict(), at, "professional-code-unknown");
            v.check(seen.add(code), at, "duplicate");
        }
    }

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

    /** A file path if one exists there, else a classpath resource: how every reference file is found. */
    public static InputStream open(String location) throws IOException {
        return ReferenceLists.open(location);
    }

    /** For the API: the lists in the caller's language. */
    public static List<Map<String, String>> view(Map<String, ReferenceEntry> entries, java.util.Locale locale) {
        return ReferenceLists.view(entries, locale);
    }
}
