package com.certcare.application.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.application.party.PartyEntity;
import com.certcare.platform.problem.ProblemException;

/**
 * A certification contract (认证合同, form 16-02), drawn up from an accepted application: the parties, what is
 * certified, the fees and the payment terms. The status changes only through the transition methods here.
 */
@Entity
@Table(name = "contract")
public class Contract extends PartyEntity implements Audited {

    /** The aggregate its changes are listed under in the change history. */
    public static final String HISTORY = "contract";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_seq")
    @SequenceGenerator(name = "contract_seq", sequenceName = "contract_seq", allocationSize = 50)
    public Long id;

    @Column(updatable = false)
    public String number;

    @Column(name = "application_id", updatable = false)
    public long applicationId;

    @Enumerated(EnumType.STRING)
    public ContractStatus status;


    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> schemes = new ArrayList<>();
    public String scope;
    @Column(name = "scope_en")
    public String scopeEn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<ContractSite> sites = new ArrayList<>();

    @Column(name = "initial_audit_fee")
    public BigDecimal initialAuditFee;
    @Column(name = "surveillance_fee")
    public BigDecimal surveillanceFee;
    @Column(name = "payment_terms")
    public String paymentTerms;

    @Column(name = "application_accepted_on")
    public LocalDate applicationAcceptedOn;
    @Column(name = "drafted_on")
    public LocalDate draftedOn;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "terminated_at")
    public Instant terminatedAt;
    @Column(name = "termination_reason")
    public String terminationReason;

    /** Takes over checked terms (the version is compared by the service). */
    void apply(CheckedContractInput checked) {
        name = checked.name;
        creditCode = checked.creditCode;
        legalRepresentative = checked.legalRepresentative;
        address = checked.address;
        provinceCode = checked.provinceCode;
        city = checked.city;
        postalCode = checked.postalCode;
        contactName = checked.contactName;
        contactPhone = checked.contactPhone;
        contactEmail = checked.contactEmail;
        scope = checked.scope;
        scopeEn = checked.scopeEn;
        initialAuditFee = checked.initialAuditFee;
        surveillanceFee = checked.surveillanceFee;
        paymentTerms = checked.paymentTerms;
    }

    /** Takes over the application's party (it may be corrected while a DRAFT). */
    void partyOf(PartyEntity application) {
        copyParty(application);
    }

    /** Refuses with 409 {@code forbidden-transition} unless {@code from} may become {@code to}. */
    static void checkTransition(ContractStatus from, ContractStatus to) {
        if (!from.canBecome(to)) {
            throw ProblemException.forbiddenTransition(from, to);
        }
    }

    void send(Instant now) {
        checkTransition(status, ContractStatus.SENT);
        status = ContractStatus.SENT;
        sentAt = now;
    }

    void sign(LocalDate on) {
        checkTransition(status, ContractStatus.SIGNED);
        status = ContractStatus.SIGNED;
        signedOn = on;
    }

    void terminate(Instant now, String reason) {
        checkTransition(status, ContractStatus.TERMINATED);
        status = ContractStatus.TERMINATED;
        terminatedAt = now;
        terminationReason = reason;
    }

    public Subject history() {
        return Subject.of(HISTORY, id);
    }

    @Override
    public Snapshot snapshot() {
        return putParty(new Snapshot().put("number", number).put("status", status))
                .put("schemes", String.join(", ", schemes)).put("scope", scope).put("scopeEn", scopeEn)
                .put("sites", sites.stream().map(s -> s.address() + (s.activity() == null ? "" : " / " + s.activity())
                        + (s.headCount() == null ? "" : " / " + s.headCount())).toList())
                .put("initialAuditFee", initialAuditFee == null ? null : initialAuditFee.toPlainString())
                .put("surveillanceFee", surveillanceFee == null ? null : surveillanceFee.toPlainString())
                .put("paymentTerms", paymentTerms).put("signedOn", signedOn)
                .put("terminationReason", terminationReason);
    }
}
