package com.certcare.survey.report;

/** A quarterly report: DRAFT while market edits the conclusions, ISSUED once issued (never changed after). */
public enum ReportStatus {
    DRAFT, ISSUED
}
