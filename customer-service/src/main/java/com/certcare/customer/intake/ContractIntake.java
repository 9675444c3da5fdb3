package com.certcare.customer.intake;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CheckedCertificationInput;
import com.certcare.customer.certification.CertificationInput;
import com.certcare.customer.certification.CertificationRules;
import com.certcare.customer.certification.CertificationService;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.certification.TransitionRequest;
import com.certcare.customer.customer.CheckedCustomerInput;
import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.CustomerInput;
import com.certcare.customer.customer.CustomerRules;
import com.certcare.customer.customer.CustomerService;
import com.certcare.customer.customer.Contact;
import com.certcare.platform.identity.CreditCode;
import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code ContractSigned} from the contracts topic: registers the customer if its credit code is
 * new, else updates it, and records the certification in CONTRACTED. Idempotent by event id; an event
 * it cannot apply fails the transaction and goes to the dead-letter topic, changing nothing.
 */
@ApplicationScoped
public class ContractIntake {

    static final String CONSUMER = "customer-service.contract-intake";
    static final String CONTRACT_SIGNED = "ContractSigned";
    /** The major version of ContractSigned's data this consumer reads; another goes to the dead-letter topic. */
    static final int CONTRACT_SIGNED_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(ContractIntake.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final CustomerRules customerRules;
    private final CertificationRules certificationRules;
    private final CustomerService customers;
    private final CertificationService certifications;
    private final ConsumerRetry retry;

    ContractIntake(ObjectMapper mapper, ProcessedEvents processed, CustomerRules customerRules,
            CertificationRules certificationRules, CustomerService customers, CertificationService certifications,
            ConsumerRetry retry) {
        this.retry = retry;
        this.mapper = mapper;
        this.processed = processed;
        this.customerRules = customerRules;
        this.certificationRules = certificationRules;
        this.customers = customers;
        this.certifications = certifications;
    }

    /**
     * What the message is, is settled once (a malformed or unknown-version one fails at once); applying it is
     * retried while it fails for a reason that may pass (a lock held by a form save, the database restarting),
     * each attempt in a transaction of its own; then the dead-letter topic takes it with the reason.
     */
    @Incoming("contracts")
    @Blocking
    public void onContractEvent(String message) throws Exception {
        JsonNode envelope = mapper.readTree(message);
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        if (!CONTRACT_SIGNED.equals(envelope.path("type").asText())) {
            return;
        }
        int version = envelope.path("schemaVersion").asInt(-1);
        if (version != CONTRACT_SIGNED_VERSION) {
            // not guessed at: the dead-letter topic keeps it, with this reason, until this consumer reads it
            throw new IllegalArgumentException("ContractSigned " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + CONTRACT_SIGNED_VERSION);
        }
        ContractSigned contract = mapper.treeToValue(envelope.path("data"), ContractSigned.class);
        retry.inTransaction("ContractSigned " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("ContractSigned %s already applied", eventId);
                return;
            }
            apply(contract);
        });
    }

    void apply(ContractSigned contract) {
        String actor = "contract:" + contract.contractNo();
        String reason = "ContractSigned " + contract.contractNo();
        ContractSigned.Party party = contract.customer();
        if (party == null) {
            throw ProblemException.invalid("customer", "required");
        }
        Customer existing = Customer.find("creditCode", CreditCode.normalize(party.creditCode())).firstResult();
        CustomerInput customerInput = CustomerInputs.merge(party, existing);
        CertificationInput certificationInput = CertificationInput.builder().scheme(contract.scheme())
                .contractNo(contract.contractNo()).scope(contract.scope()).scopeEn(contract.scopeEn())
                .applicationAcceptedOn(contract.applicationAcceptedOn()).initialAuditFee(contract.initialAuditFee())
                .surveillanceFee(contract.surveillanceFee()).status(CertificationStatus.CONTRACTED).build();
        Violations v = new Violations();
        CheckedCustomerInput checkedCustomer = customerRules.check(customerInput, v, "customer.");
        CheckedCertificationInput checkedCertification = certificationRules.check(certificationInput,
                CertificationStatus.CONTRACTED, v, "");
        v.throwIfAny();

        Customer customer = customers.registerOrUpdate(checkedCustomer, actor, reason);
        Certification open = Certification.find("customerId = ?1 and scheme = ?2 and status = ?3", customer.id,
                contract.scheme(), CertificationStatus.APPLYING).firstResult();
        if (open != null) {
            // the application was recorded before the contract: it moves on to CONTRACTED
            certifications.update(customer.id, open.id, withVersion(certificationInput, open), actor);
            certifications.transition(customer.id, open.id,
                    new TransitionRequest(CertificationStatus.CONTRACTED, reason, open.version), actor);
        } else {
            certifications.record(customer.id, checkedCertification, actor, reason);
        }
    }

    /**
     * The contract's data as an update of the open record: what the contract speaks of (number, scope, fees,
     * acceptance date) replaces what the record had; the rest (certificate number, decision, audit dates,
     * implementation, issue and expiry) stays as it was — an update without them would clear them.
     */
    private static CertificationInput withVersion(CertificationInput in, Certification open) {
        CertificationInput kept = CertificationInput.of(open);
        return kept.toBuilder().contractNo(in.contractNo())
                .scope(in.scope() != null ? in.scope() : kept.scope())
                .scopeEn(in.scopeEn() != null ? in.scopeEn() : kept.scopeEn())
                .applicationAcceptedOn(in.applicationAcceptedOn() != null ? in.applicationAcceptedOn()
                        : kept.applicationAcceptedOn())
                .initialAuditFee(in.initialAuditFee() != null ? in.initialAuditFee() : kept.initialAuditFee())
                .surveillanceFee(in.surveillanceFee() != null ? in.surveillanceFee() : kept.surveillanceFee())
                .status(null).version(open.version).build();
    }

    /** The contract's party data over what the registry holds: what the contract leaves out is kept. */
    static final class CustomerInputs {

        static CustomerInput merge(ContractSigned.Party p, Customer existing) {
            List<Contact> contacts = p.contacts() == null || p.contacts().isEmpty()
                    ? existing == null ? List.of() : existing.contacts
                    : p.contacts().stream().map(c -> new Contact(c.name(), c.role(), c.phone(), c.email(), c.primary()))
                            .toList();
            List<String> codes = p.professionalCodes() == null || p.professionalCodes().isEmpty()
                    ? existing == null ? List.of() : List.copyOf(existing.professionalCodes)
                    : p.professionalCodes();
            CustomerInput kept = existing == null ? CustomerInput.builder().build() : CustomerInput.of(existing);
            return kept.toBuilder().name(or(p.name(), kept.name())).creditCode(p.creditCode())
                    .provinceCode(or(p.provinceCode(), kept.provinceCode())).city(or(p.city(), kept.city()))
                    .address(or(p.address(), kept.address())).postalCode(or(p.postalCode(), kept.postalCode()))
                    .contacts(contacts).professionalCodes(codes).build();
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
