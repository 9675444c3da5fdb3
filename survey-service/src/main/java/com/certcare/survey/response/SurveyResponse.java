package com.certcare.survey.response;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.certcare.survey.campaign.AnswerChannel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one answer of a dispatch (unique on dispatch_id): who, when, by which channel, to which template version, its index. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "dispatch_id")
    public Long dispatchId;
    @Column(name = "campaign_id")
    public Long campaignId;
    @Column(name = "customer_id")
    public Long customerId;
    /** The client's province when it was asked (GB/T 2260). */
    @Column(name = "province_code")
    public String provinceCode;
    /** The scheme whose certificate made the client due. */
    public String scheme;
    /** The client's grade (A–D) when it was asked; null: not graded. */
    public String grade;
    /** The client's professional codes when it was asked. */
    @Column(name = "professional_codes")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] professionalCodes = new String[0];
    public String quarter;
    @Enumerated(EnumType.STRING)
    public AnswerChannel channel;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    public BigDecimal score;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "entered_by")
    public String enteredBy;
}
