package com.certcare.customer.customer;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

/** The rules for registering, changing and removing customers; each change is kept in the history and announced. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRules rules;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final Clock clock;

    CustomerService(CustomerRules rules, ChangeHistory history, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A customer to show, not to change: with its professional codes in the same statement, and not tracked for
     * changes (no snapshot, no dirty check). Writes use {@link #get(long)}.
     */
    public Customer get(long id) {
        Customer customer = Customer.findById(id);
        if (customer == null) {
            throw ProblemException.notFound("@entity.customer", id);
        }
        return customer;
    }

    @Transactional
    public Customer create(CustomerInput input, String actor) {
        Violations v = new Violations();
        CheckedCustomerInput checked = rules.check(input, v, "");
        v.throwIfAny();
        refuseDuplicate(input.normalizedCreditCode(), null);
        return register(checked.input(), actor);
    }

    @Transactional
    public Customer update(long id, CustomerInput input, String actor) {
        Customer customer = get(id);
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        CheckedCustomerInput checked = rules.check(input, v, "");
        v.throwIfAny();
        refuseStale(customer, input.version());
        refuseDuplicate(input.normalizedCreditCode(), customer.id);
        change(customer, checked.input(), actor, null);
        return customer;
    }

    /**
     * The ContractSigned consumer's way in: registers a customer whose credit code is new, else changes the
     * registered one with the same code (no version: the contract speaks for itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer registerOrUpdate(CheckedCustomerInput checked, String actor, String reason) {
        CustomerInput input = checked.input();
        Customer existing = Customer.find("creditCode", input.normalizedCreditCode()).firstResult();
        if (existing == null) {
            return register(input, actor);
        }
        change(existing, input, actor, reason);
        return existing;
    }

    /**
     * The import's way in, a batch at a time and without a query per customer: registers the input when
     * {@code existing} is null, else changes {@code existing}, which must be the customer registered under the
     * input's credit code (the import looks a batch's customers up in one query). A customer registered with that code
     * since then is refused by the unique credit code when the batch is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer apply(Customer existing, CheckedCustomerInput checked, String actor, String reason,
            List<String> newCustomersCertificationKeys, java.time.LocalDate newCustomersLiveExpiry) {
        CustomerInput input = checked.input();
        if (existing == null) {
            return register(input, actor, newCustomersCertificationKeys, newCustomersLiveExpiry);
        }
        if (!existing.creditCode.equals(input.normalizedCreditCode())) {
            throw new IllegalArgumentException("customer " + existing.id + " is not the one registered under the input's credit code");
        }
        change(existing, input, actor, reason);
        return existing;
    }

    /**
     * What {@code input} would change on {@code existing}, field by field as the history names them; nothing
     * is changed. An empty list: saving {@code input} would be a no-op. Any input, checked or not: it only compares
     * (the import asks before it checks, so that a registered customer a row leaves as it is is not held to newer rules).
     */
    public List<ChangeHistory.Change> changes(Customer existing, CustomerInput input) {
        Customer probe = new Customer();
        probe.apply(input);
        return ChangeHistory.diff(existing.snapshot(), probe.snapshot());
    }

    /** Only a customer without certification records can be removed (records are kept for the cycle and after). */
    @Transactional
    public void delete(long id, int version, String actor) {
        Customer customer = get(id);
        refuseStale(customer, version);
        // asked in SQL: the customer package sits below certification and does not use its classes
        Number records = (Number) Customer.getEntityManager()
                .createNativeQuery("select count(*) from certification where client_id = ?1").setParameter(1, id)
                .getSingleResult();
        if (records.longValue() > 0) {
            throw new ProblemException(409, "customer-has-certifications", customer.name);
        }
        history.record(customer.history(), customer.snapshot(), Snapshot.of("deleted", "true"), actor, null);
        customer.delete();
        outbox.publish(CustomerEvents.TOPIC, String.valueOf(id), CustomerEvents.DELETED, CustomerEvents.SCHEMA_VERSION,
                new CustomerEvents.Deleted(id));
    }

    private Customer register(CustomerInput input, String actor) {
        return register(input, actor, List.of(), null);
    }

    /** The certification keys go in with the row: an insert takes the entity's state at persist. */
    private Customer register(CustomerInput input, String actor, List<String> certificationKeys,
            java.time.LocalDate liveExpiry) {
        Customer customer = new Customer();
        customer.apply(input);
        customer.certificationKeys = new java.util.ArrayList<>(certificationKeys);
        customer.liveExpiresOn = liveExpiry;
        customer.created(actor, clock.instant());
        customer.persist();
        history.record(customer.history(), null, customer.snapshot(), actor, null);
        outbox.publish(CustomerEvents.TOPIC, String.valueOf(customer.id), CustomerEvents.REGISTERED,
                CustomerEvents.SCHEMA_VERSION, CustomerEvents.CustomerData.of(customer));
        return customer;
    }

    /**
     * Adds a certification's professional codes to the customer's list (the union the search, the filters and the
     * statistics read), in the caller's transaction: a change in the history with {@code reason}, announced like any.
     * Codes are never removed here: the customer's own list is the market department's to edit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addProfessionalCodes(long customerId, java.util.Collection<String> codes, String actor, String reason) {
        if (codes.isEmpty()) {
            return; // the import's records carry none: no query per row
        }
        Customer customer = get(customerId);
        if (customer.professionalCodes.containsAll(codes)) {
            return;
        }
        Snapshot before = customer.snapshot();
        customer.professionalCodes.addAll(codes);
        List<String> changed = history.record(customer.history(), before, customer.snapshot(), actor, reason);
        if (!changed.isEmpty()) {
            customer.touched(actor, clock.instant());
            outbox.publish(CustomerEvents.TOPIC, String.valueOf(customer.id), CustomerEvents.UPDATED,
                    CustomerEvents.SCHEMA_VERSION, new CustomerEvents.Updated(CustomerEvents.CustomerData.of(customer), changed));
        }
    }

    /**
     * Announces that grading changed the customer's grade in force ({@code grade}, null: ungraded), in the caller's
     * transaction: a CustomerUpdated whose changed field is {@code grade}, so the copies other services keep (the
     * survey's segments) follow. The grade is not the customer's own data: its history is grading's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceGrade(long customerId, String grade) {
        Customer customer = get(customerId);
        outbox.publish(CustomerEvents.TOPIC, String.valueOf(customer.id), CustomerEvents.UPDATED,
                CustomerEvents.SCHEMA_VERSION,
                new CustomerEvents.Updated(CustomerEvents.CustomerData.of(customer, grade), List.of("grade")));
    }

    private void change(Customer customer, CustomerInput input, String actor, String reason) {
        Snapshot before = customer.snapshot();
        customer.apply(input);
        List<String> changed = history.record(customer.history(), before, customer.snapshot(), actor, reason);
        if (!changed.isEmpty()) {
            customer.touched(actor, clock.instant());
            outbox.publish(CustomerEvents.TOPIC, String.valueOf(customer.id), CustomerEvents.UPDATED,
                    CustomerEvents.SCHEMA_VERSION, new CustomerEvents.Updated(CustomerEvents.CustomerData.of(customer), changed));
        }
    }

    private static void refuseStale(Customer customer, int version) {
        if (customer.version != version) {
            throw new ProblemException(409, "stale");
        }
    }

    private static void refuseDuplicate(String creditCode, Long self) {
        Customer other = Customer.find("creditCode", creditCode).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(409, "duplicate-credit-code", creditCode, other.name, other.id);
        }
    }
}
