package com.certcare.customer.certification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.customer.customer.Contact;
import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.SystemChangeView;
import com.certcare.platform.problem.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The customer detail ({@code GET /api/customers/{id}}), read with two plain statements on one pooled connection
 * and mapped straight to the view: the most frequent request of the screens and of other tools. Going through
 * Hibernate cost more CPU than the two statements themselves (query translation, entity and collection
 * hydration, the persistence context), measured in the load benchmark (deploy/bench). Writes and the list still
 * go through the entities; this reads the same columns they map, and {@code CustomerDetailsTest} compares the
 * two readings field by field.
 */
@ApplicationScoped
public class CustomerDetails {

    static final String CUSTOMER = "select c.id, c.name, c.credit_code, c.credit_code_override_reason, c.province_code,"
            + " c.city, c.address, c.postal_code, c.contacts::text, c.remarks, c.version, c.created_by, c.created_at,"
            + " c.updated_by, c.updated_at,"
            + " (select array_agg(p.code order by p.code) from client_professional_code p where p.client_id = c.id),"
            // the open management-system changes, as JSON with the instants in UTC (Instant.parse reads them)
            + " (select json_agg(json_build_object('id', s.id, 'customerId', s.client_id,"
            + " 'feedbackItemId', s.feedback_item_id, 'reference', s.reference, 'reportedAt', " + utc("s.reported_at") + ","
            + " 'summary', s.summary, 'flaggedAt', " + utc("s.flagged_at") + ") order by s.reported_at, s.id)"
            + " from client_system_change s where s.client_id = c.id and s.acknowledged_at is null),"
            + " c.grade"
            + " from client c where c.id = ?";

    private static String utc(String column) {
        return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    static final String CERTIFICATIONS = "select r.id, r.scheme, r.contract_no, r.certificate_no, r.scope, r.scope_en,"
            + " r.application_accepted_on, r.decision_on, r.initial_audit_fee, r.surveillance_fee, r.planned_surveillance,"
            + " r.surveillance_override_reason, r.implemented_on, r.status, r.issued_on, r.expires_on, r.version,"
            + " r.updated_by, r.updated_at, a.kind, a.audited_on, r.professional_codes"
            + " from certification r left join certification_audit a on a.certification_id = r.id"
            + " where r.client_id = ? order by r.scheme, r.id";

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SystemChangeView>> SYSTEM_CHANGES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final CustomerViews views;
    private final ObjectMapper json;

    CustomerDetails(DataSource dataSource, CustomerViews views, ObjectMapper json) {
        this.dataSource = dataSource;
        this.views = views;
        this.json = json;
    }

    /** The customer with its certification records, as {@code CustomerViews} shows it; 404 problem if unknown. */
    public CustomerView read(long id) {
        try (Connection connection = dataSource.getConnection()) {
            Row row = customer(connection, id);
            if (row == null) {
                throw ProblemException.notFound("@entity.customer", id);
            }
            return views.of(row.customer(), certifications(connection, id), row.openSystemChanges());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading customer " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** The customer row and its open management-system changes, read in one statement. */
    private record Row(Customer customer, List<SystemChangeView> openSystemChanges) {
    }

    private Row customer(Connection connection, long id) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(CUSTOMER)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Customer c = new Customer();
                c.id = rs.getLong(1);
                c.name = rs.getString(2);
                c.creditCode = rs.getString(3);
                c.creditCodeOverrideReason = rs.getString(4);
                c.provinceCode = rs.getString(5);
                c.city = rs.getString(6);
                c.address = rs.getString(7);
                c.postalCode = rs.getString(8);
                String contacts = rs.getString(9);
                c.contacts = contacts == null ? new ArrayList<>() : new ArrayList<>(readContacts(contacts));
                c.remarks = rs.getString(10);
                c.version = rs.getInt(11);
                c.createdBy = rs.getString(12);
                c.createdAt = instant(rs, 13);
                c.updatedBy = rs.getString(14);
                c.updatedAt = instant(rs, 15);
                c.professionalCodes = new TreeSet<>(strings(rs.getArray(16)));
                String open = rs.getString(17);
                c.grade = rs.getString(18);
                return new Row(c, open == null ? List.of() : readJson(open, SYSTEM_CHANGES));
            }
        }
    }

    private List<Certification> certifications(Connection connection, long customerId) throws SQLException {
        Map<Long, Certification> byId = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(CERTIFICATIONS)) {
            st.setLong(1, customerId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Certification r = byId.get(id);
                    if (r == null) {
                        r = new Certification();
                        r.id = id;
                        r.customerId = customerId;
                        r.scheme = rs.getString(2);
                        r.contractNo = rs.getString(3);
                        r.certificateNo = rs.getString(4);
                        r.scope = rs.getString(5);
                        r.scopeEn = rs.getString(6);
                        r.applicationAcceptedOn = rs.getObject(7, LocalDate.class);
                        r.decisionOn = rs.getObject(8, LocalDate.class);
                        r.initialAuditFee = rs.getBigDecimal(9);
                        r.surveillanceFee = rs.getBigDecimal(10);
                        r.plannedSurveillance = dates(rs.getArray(11));
                        r.surveillanceOverrideReason = rs.getString(12);
                        r.implementedOn = rs.getObject(13, LocalDate.class);
                        r.status = CertificationStatus.valueOf(rs.getString(14));
                        r.issuedOn = rs.getObject(15, LocalDate.class);
                        r.expiresOn = rs.getObject(16, LocalDate.class);
                        r.version = rs.getInt(17);
                        r.updatedBy = rs.getString(18);
                        r.updatedAt = instant(rs, 19);
                        java.sql.Array codes = rs.getArray(22);
                        r.professionalCodes = codes == null ? new ArrayList<>()
                                : new ArrayList<>(java.util.Arrays.asList((String[]) codes.getArray()));
                        byId.put(id, r);
                    }
                    String kind = rs.getString(20);
                    if (kind != null) {
                        r.auditDates.add(new AuditDate(AuditDate.Kind.valueOf(kind), rs.getObject(21, LocalDate.class)));
                    }
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private List<Contact> readContacts(String contacts) {
        return readJson(contacts, CONTACTS);
    }

    private <T> T readJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable JSON column: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add(((java.sql.Date) o).toLocalDate());
            }
        }
        return out;
    }
}
