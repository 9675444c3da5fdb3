package com.certcare.application.applying;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message of an application's thread: a request for information by the body or the applicant's answer. */
@Entity
@Table(name = "application_message")
public class ApplicationMessage extends PanacheEntityBase implements Audited {

    public enum Kind { REQUEST, ANSWER }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_message_seq")
    @SequenceGenerator(name = "application_message_seq", sequenceName = "application_message_seq", allocationSize = 50)
    public Long id;

    @Column(name = "application_id")
    public long applicationId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String text;
    public String author;

    @Column(name = "written_at")
    public Instant writtenAt;

    @Override
    public Snapshot snapshot() {
        return new Snapshot().put("kind", kind).put("text", text);
    }
}
