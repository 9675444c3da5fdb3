package com.certcare.customer.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.text.Text;

/**
 * A customer enterprise (企业) of the certification body. Its table, sequence and columns keep their first names
 * ({@code client}, {@code client_seq}, {@code client_id}): the database is the one place the old word stays.
 */
@Entity
@Table(name = "client")
public class Customer extends AuditedEntity implements Audited {

    /**
     * The aggregate the change history lists a customer's changes under, its records' too: a value stored in
     * {@code change_record} (and read by its generated {@code client_id} column), so it keeps the database's word;
     * the history endpoint names these entries {@code customer}.
     */
    public static final String HISTORY = "client";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
    @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
    public Long id;

    public String name;

    @Column(name = "credit_code")
    public String creditCode;

    /** Set when a market user accepted a code that fails the check digit, with the reason. */
    @Column(name = "credit_code_override_reason")
    public String creditCodeOverrideReason;

    @Column(name = "province_code")
    public String provinceCode;

    public String city;
    public String address;

    @Column(name = "postal_code")
    public String postalCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Contact> contacts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "client_professional_code", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "code")
    public Set<String> professionalCodes = new TreeSet<>();

    public String remarks;

    /**
     * The customer's records as filter keys (see CertificationSummary). Written with the customer when it is
     * created (the import knows them); afterwards only by CertificationSummary, never by an update of the customer.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "certification_keys", columnDefinition = "text[]", updatable = false)
    public List<String> certificationKeys = new ArrayList<>();

    /** The earliest expiry of a live certificate; like the keys, written at creation or by CertificationSummary. */
    @Column(name = "live_expires_on", updatable = false)
    public java.time.LocalDate liveExpiresOn;

    /**
     * The grade in force (分等分级: A–D, null while ungraded), written only by grading with its own statement: never by
     * an update of the customer, so grading does not change the customer's version.
     */
    @Column(name = "grade", insertable = false, updatable = false)
    public String grade;

    @Column(name = "search_text")
    String searchText;

    /**
     * Takes over the input. Writes take only what {@link CustomerRules} checked; {@code CustomerService.changes} also
     * applies unchecked input to a probe to compare, so nothing here may fail on a missing or bad value.
     */
    void apply(CustomerInput input) {
        name = Text.blankToNull(input.name());
        creditCode = input.normalizedCreditCode();
        creditCodeOverrideReason = Text.blankToNull(input.creditCodeOverrideReason());
        provinceCode = input.provinceCode();
        city = Text.blankToNull(input.city());
        address = Text.blankToNull(input.address());
        postalCode = Text.blankToNull(input.postalCode());
        contacts = input.contacts() == null ? new ArrayList<>()
                : input.contacts().stream().filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
        professionalCodes.clear();
        if (input.professionalCodes() != null) {
            input.professionalCodes().stream().filter(Objects::nonNull).forEach(professionalCodes::add);
        }
        remarks = Text.blankToNull(input.remarks());
        searchText = Stream.concat(Stream.of(name, creditCode),
                contacts.stream().flatMap(c -> Stream.of(c.name(), c.phone(), c.email())))
                .filter(s -> s != null && !s.isBlank())
                .map(Text::searchKey)
                .collect(Collectors.joining(" "));
    }

    /** Where its changes are kept: the customer's own history. */
    public Subject history() {
        return Subject.of(HISTORY, id);
    }

    /** Field → value, as the history shows it; a contact reads name/role/phone/email, the primary one with a star. */
    @Override
    public Snapshot snapshot() {
        return new Snapshot()
                .put("name", name)
                .put("creditCode", creditCode)
                .put("creditCodeOverrideReason", creditCodeOverrideReason)
                .put("provinceCode", provinceCode)
                .put("city", city)
                .put("address", address)
                .put("postalCode", postalCode)
                .put("contacts", contacts.stream()
                        .map(c -> String.join("/", nz(c.name()), nz(c.role()), nz(c.phone()), nz(c.email()))
                                + (c.primary() ? "*" : ""))
                        .collect(Collectors.joining("; ")))
                .put("professionalCodes", new TreeSet<>(professionalCodes))
                .put("remarks", remarks);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
