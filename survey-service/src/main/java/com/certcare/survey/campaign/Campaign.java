package com.certcare.survey.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A quarter's survey wave: the due clients it gathered, asked with one template version. One per quarter. */
@Entity
@Table(name = "survey_campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String quarter;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
