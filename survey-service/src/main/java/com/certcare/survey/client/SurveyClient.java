package com.certcare.survey.client;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client as customer-service last announced it on the {@code customers} topic: what a survey needs to address it
 * and, later, to segment the answers (province, professional codes, schemes, grade).
 */
@Entity
@Table(name = "survey_client")
public class SurveyClient extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;
    public String name;
    @Column(name = "province_code")
    public String provinceCode;
    /** Comma-separated. */
    @Column(name = "professional_codes")
    public String professionalCodes;
    /** The grade in force (分等分级, A–D) customer-service last announced; null: not graded. */
    public String grade;
    /** Comma-separated schemes with a VALID certification seen. */
    public String schemes;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "updated_at")
    public Instant updatedAt;

    void addScheme(String scheme) {
        if (schemes == null || schemes.isEmpty()) {
            schemes = scheme;
        } else if (!java.util.Arrays.asList(schemes.split(",")).contains(scheme)) {
            schemes = schemes + "," + scheme;
        }
    }
}
