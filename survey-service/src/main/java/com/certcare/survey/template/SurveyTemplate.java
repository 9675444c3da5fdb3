package com.certcare.survey.template;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a questionnaire. Written once, never changed (only {@code usedAt} is set, once). */
@Entity
@Table(name = "survey_template")
@IdClass(SurveyTemplate.Key.class)
public class SurveyTemplate extends PanacheEntityBase {

    @Id
    public String code;
    @Id
    public int version;
    @Column(name = "title_zh")
    public String titleZh;
    @Column(name = "title_en")
    public String titleEn;
    /** JSON of {@link TemplateDefinition}. */
    public String definition;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "used_at")
    public Instant usedAt;

    public static class Key implements Serializable {
        public String code;
        public int version;

        public Key() {
        }

        public Key(String code, int version) {
            this.code = code;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.code.equals(code) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, version);
        }
    }
}
