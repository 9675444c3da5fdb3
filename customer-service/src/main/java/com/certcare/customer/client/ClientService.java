package com.certcare.customer.client;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

/** The rules for registering, changing and removing clients; each change is kept in the history and announced. */
@ApplicationScoped
public class ClientService {

    private final ClientRules rules;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final Clock clock;

    ClientService(ClientRules rules, ChangeHistory history, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A client to show, not to change: with its professional codes in the same statement, and not tracked for
     * changes (no snapshot, no dirty check). Writes use {@link #get(long)}.
     */
    public Client read(long id) {
        Client client = Client.<Client> find("from Client c left join fetch c.professionalCodes where c.id = ?1", id)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list().stream().findFirst().orElse(null);
        if (client == null) {
            throw ProblemException.notFound("@entity.client", id);
        }
        return client;
    }

    public Client get(long id) {
        Client client = Client.findById(id);
        if (client == null) {
            throw ProblemException.notFound("@entity.client", id);
        }
        return client;
    }

    @Transactional
    public Client create(ClientInput input, String actor) {
        Violations v = new Violations();
        CheckedClientInput checked = rules.check(input, v, "");
        v.throwIfAny();
        refuseDuplicate(input.normalizedCreditCode(), null);
        return register(checked.input(), actor);
    }

    @Transactional
    public Client update(long id, ClientInput input, String actor) {
        Client client = get(id);
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        CheckedClientInput checked = rules.check(input, v, "");
        v.throwIfAny();
        refuseStale(client, input.version());
        refuseDuplicate(input.normalizedCreditCode(), client.id);
        change(client, checked.input(), actor, null);
        return client;
    }

    /**
     * The ContractSigned consumer's way in: registers a client whose credit code is new, else changes the
     * registered one with the same code (no version: the contract speaks for itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Client registerOrUpdate(CheckedClientInput checked, String actor, String reason) {
        ClientInput input = checked.input();
        Client existing = Client.find("creditCode", input.normalizedCreditCode()).firstResult();
        if (existing == null) {
            return register(input, actor);
        }
        change(existing, input, actor, reason);
        return existing;
    }

    /**
     * The import's way in, a batch at a time and without a query per client: registers the input when
     * {@code existing} is null, else changes {@code existing}, which must be the client registered under the
     * input's credit code (the import looks a batch's clients up in one query). A client registered with that code
     * since then is refused by the unique credit code when the batch is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Client apply(Client existing, CheckedClientInput checked, String actor, String reason,
            List<String> newClientsCertificationKeys, java.time.LocalDate newClientsLiveExpiry) {
        ClientInput input = checked.input();
        if (existing == null) {
            return register(input, actor, newClientsCertificationKeys, newClientsLiveExpiry);
        }
        if (!existing.creditCode.equals(input.normalizedCreditCode())) {
            throw new IllegalArgumentException("client " + existing.id + " is not the one registered under the input's credit code");
        }
        change(existing, input, actor, reason);
        return existing;
    }

    /**
     * What {@code input} would change on {@code existing}, field by field as the history names them; nothing
     * is changed. An empty list: saving {@code input} would be a no-op. Any input, checked or not: it only compares
     * (the import asks before it checks, so that a registered client a row leaves as it is is not held to newer rules).
     */
    public List<ChangeHistory.Change> changes(Client existing, ClientInput input) {
        Client probe = new Client();
        probe.apply(input);
        return ChangeHistory.diff(existing.snapshot(), probe.snapshot());
    }

    /** Only a client without certification records can be removed (records are kept for the cycle and after). */
    @Transactional
    public void delete(long id, int version, String actor) {
        Client client = get(id);
        refuseStale(client, version);
        // asked in SQL: the client package sits below certification and does not use its classes
        Number records = (Number) Client.getEntityManager()
                .createNativeQuery("select count(*) from certification where client_id = ?1").setParameter(1, id)
                .getSingleResult();
        if (records.longValue() > 0) {
            throw new ProblemException(409, "client-has-certifications", client.name);
        }
        history.record(client.history(), client.snapshot(), Snapshot.of("deleted", "true"), actor, null);
        client.delete();
        outbox.publish(ClientEvents.TOPIC, String.valueOf(id), ClientEvents.DELETED, ClientEvents.SCHEMA_VERSION,
                new ClientEvents.Deleted(id));
    }

    private Client register(ClientInput input, String actor) {
        return register(input, actor, List.of(), null);
    }

    /** The certification keys go in with the row: an insert takes the entity's state at persist. */
    private Client register(ClientInput input, String actor, List<String> certificationKeys,
            java.time.LocalDate liveExpiry) {
        Client client = new Client();
        client.apply(input);
        client.certificationKeys = new java.util.ArrayList<>(certificationKeys);
        client.liveExpiresOn = liveExpiry;
        client.created(actor, clock.instant());
        client.persist();
        history.record(client.history(), null, client.snapshot(), actor, null);
        outbox.publish(ClientEvents.TOPIC, String.valueOf(client.id), ClientEvents.REGISTERED,
                ClientEvents.SCHEMA_VERSION, ClientEvents.ClientData.of(client));
        return client;
    }

    private void change(Client client, ClientInput input, String actor, String reason) {
        Snapshot before = client.snapshot();
        client.apply(input);
        List<String> changed = history.record(client.history(), before, client.snapshot(), actor, reason);
        if (!changed.isEmpty()) {
            client.touched(actor, clock.instant());
            outbox.publish(ClientEvents.TOPIC, String.valueOf(client.id), ClientEvents.UPDATED,
                    ClientEvents.SCHEMA_VERSION, new ClientEvents.Updated(ClientEvents.ClientData.of(client), changed));
        }
    }

    private static void refuseStale(Client client, int version) {
        if (client.version != version) {
            throw new ProblemException(409, "stale");
        }
    }

    private static void refuseDuplicate(String creditCode, Long self) {
        Client other = Client.find("creditCode", creditCode).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(409, "duplicate-credit-code", creditCode, other.name, other.id);
        }
    }
}
