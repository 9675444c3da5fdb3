package com.certcare.survey.client;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client due its first-service-cycle survey (4.7.1): written when one of its certifications first became VALID;
 * the quarterly campaign that takes it sets {@code campaignId}. One row per client, ever.
 */
@Entity
@Table(name = "survey_due")
public class SurveyDue extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;
    @Column(name = "certification_id")
    public Long certificationId;
    public String scheme;
    @Column(name = "valid_since")
    public Instant validSince;
    @Column(name = "campaign_id")
    public Long campaignId;
    @Column(name = "created_at")
    public Instant createdAt;
}
