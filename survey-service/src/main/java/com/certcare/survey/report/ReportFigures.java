package com.certcare.survey.report;

import java.util.List;

import com.certcare.survey.analysis.QuarterReport;

/**
 * What a report's documents show, from the analysis as it stands (a DRAFT) or frozen at issue (stored as JSON):
 * the quarter overall and split by each segment.
 */
public record ReportFigures(QuarterReport overall, List<QuarterReport> segments) {

    /** The split by {@code segment} (a Segment's name), or null. */
    QuarterReport by(String segment) {
        return segments.stream().filter(s -> s.by().name().equals(segment)).findFirst().orElse(null);
    }
}
