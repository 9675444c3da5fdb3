package com.certcare.survey.analysis;

/**
 * How a quarter's answers are split. Each answer carries its client's segments as they were when it was asked.
 * SCHEME, PROVINCE and GRADE split the answers into disjoint groups; PROFESSIONAL_CODE groups overlap (a client has several).
 */
public enum Segment {
    NONE("'ALL'", true),
    SCHEME("x.scheme", true),
    PROVINCE("x.province_code", true),
    /** The client's grade (分等分级) when it was asked; ungraded clients form the group without a key. */
    GRADE("x.grade", true),
    PROFESSIONAL_CODE(null, false);

    private final String key;
    /** Every answer in exactly one group. */
    final boolean partition;

    Segment(String key, boolean partition) {
        this.key = key;
        this.partition = partition;
    }

    /** The lateral join that gives table {@code x}'s rows their group {@code k.key}. */
    String lateral() {
        return key != null ? " cross join lateral (select cast(" + key + " as text)) k(key)"
                : " cross join lateral unnest(case when cardinality(x.professional_codes) = 0 then cast(array[null] as text[])"
                        + " else x.professional_codes end) k(key)";
    }
}
