package com.certcare.feedback.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.feedback.item.FeedbackKind;

/**
 * The year-end summary of 4.6 (在年终时对一年来的情况进行汇总，分析客户对认证服务现存的和潜在的需求): every item received
 * in the year (Asia/Shanghai), counted by kind, channel, class, assigned department and month; how long the first
 * response and the resolution took; the topics that recurred across clients; the needs noted; the serious complaints.
 */
@Schema(name = "FeedbackYearSummary")
public record YearSummary(
        @Schema(required = true) int year,
        @Schema(required = true, description = "1 January 00:00 Asia/Shanghai") Instant from,
        @Schema(required = true, description = "The next 1 January 00:00 Asia/Shanghai (exclusive)") Instant to,
        @Schema(required = true, description = "Items received in the year") long received,
        @Schema(required = true, description = "Every kind, zeros included") List<Count> byKind,
        @Schema(required = true, description = "Every channel, zeros included") List<Count> byChannel,
        @Schema(required = true, description = "Every class, zeros included; key null: not yet classified") List<Count> byClass,
        @Schema(required = true, description = "The assigned (handling) department, most items first; key null: not assigned") List<Count> byDepartment,
        @Schema(required = true, description = "Months 1-12 by the receipt in Asia/Shanghai, zeros included") List<MonthCount> byMonth,
        @Schema(required = true, description = "Receipt → first response (the triage), of the items responded to") Durations firstResponseHours,
        @Schema(required = true, description = "Receipt → resolution (resolved, or a class a item closed with its explanation), of the items resolved") Durations resolutionHours,
        @Schema(required = true, description = "How the percentiles are computed") String percentileMethod,
        @Schema(required = true, description = "certcare.feedback.common-issues.min-clients, the threshold of recurringTopics") int minClients,
        @Schema(required = true, description = "The year's common issues: topics on items of at least minClients distinct clients") List<RecurringTopic> recurringTopics,
        @Schema(required = true, description = "Needs noted: value-added service (4.8.2) and after-sales items, with their top topics") List<Need> needs,
        @Schema(required = true, description = "Complaints and appeals found reasonable (class b or c): 重大不满意或投诉事件") long seriousComplaints) {

    public static final String PERCENTILE_METHOD = "percentile_cont: continuous, linear interpolation between the two"
            + " nearest values (position (n-1)p of the sorted hours, as Excel PERCENTILE.INC); hours rounded to 2 decimals";

    @Schema(name = "FeedbackYearCount")
    public record Count(@Schema(description = "The enum value or department code; null: none") String key,
            @Schema(required = true) long count) {
    }

    @Schema(name = "FeedbackYearMonthCount")
    public record MonthCount(@Schema(required = true, minimum = "1", maximum = "12") int month,
            @Schema(required = true) long count) {
    }

    @Schema(name = "FeedbackYearDurations")
    public record Durations(@Schema(required = true, description = "Items measured") long count,
            @Schema(description = "Hours; null when none was measured") BigDecimal median,
            @Schema(description = "Hours, the 90th percentile; null when none was measured") BigDecimal p90) {
    }

    @Schema(name = "FeedbackYearRecurringTopic")
    public record RecurringTopic(@Schema(required = true) String topic, @Schema(required = true) long clients,
            @Schema(required = true) long items, @Schema(required = true) Instant firstSeen,
            @Schema(required = true) Instant lastSeen) {
    }

    @Schema(name = "FeedbackYearTopicItems")
    public record TopicItems(@Schema(required = true) String topic, @Schema(required = true) long items) {
    }

    @Schema(name = "FeedbackYearNeed")
    public record Need(@Schema(required = true) FeedbackKind kind, @Schema(required = true) long items,
            @Schema(required = true, description = "At most 10, most items first") List<TopicItems> topTopics) {
    }
}
