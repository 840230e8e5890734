package org.revos.runtime.internal.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.TypedQuery;

import org.revos.api.model.Account;
import org.revos.api.model.Activity;
import org.revos.api.model.Contact;
import org.revos.api.model.Deal;
import org.revos.api.model.Goal;
import org.revos.api.model.Lead;
import org.revos.api.model.ObjectType;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.model.RevenueEvent;
import org.revos.api.model.StageTransition;
import org.revos.api.model.Tenant;
import org.revos.api.model.User;
import org.revos.api.query.Facts;
import org.revos.api.query.TenantData;
import org.revos.kernel.spi.FactsSource;
import org.revos.kernel.spi.TenantRow;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.ActivityEntity;
import org.revos.runtime.internal.persistence.ContactEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.GoalEntity;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.StageTransitionEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.UserEntity;

/** One tenant's data for plugins, read through tenant-scoped entity managers in pages. */
final class TenantDataView implements TenantData {

    private final Store store;
    private final java.util.function.Supplier<FactsSource> facts;
    private final Tenant tenant;

    /** @param facts the facts projection's keeper now, {@code null} while none is installed */
    TenantDataView(Store store, java.util.function.Supplier<FactsSource> facts, Tenant tenant) {
        this.store = store;
        this.facts = facts;
        this.tenant = tenant;
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    @Override
    public Optional<User> user(String id) {
        return byId(UserEntity.class, id).map(Models::user);
    }

    @Override
    public Stream<User> users() {
        return byIdOrder(UserEntity.class, "").map(Models::user);
    }

    @Override
    public Optional<Account> account(String id) {
        return byId(AccountEntity.class, id).map(Models::account);
    }

    @Override
    public Stream<Account> accounts() {
        return byIdOrder(AccountEntity.class, "").map(Models::account);
    }

    @Override
    public Optional<Contact> contact(String id) {
        return byId(ContactEntity.class, id).map(Models::contact);
    }

    @Override
    public Stream<Contact> contacts() {
        return byIdOrder(ContactEntity.class, "").map(Models::contact);
    }

    @Override
    public Optional<Lead> lead(String id) {
        return byId(LeadEntity.class, id).map(Models::lead);
    }

    @Override
    public Stream<Lead> leads() {
        return byIdOrder(LeadEntity.class, "").map(Models::lead);
    }

    @Override
    public Optional<Deal> deal(String id) {
        return byId(DealEntity.class, id).map(Models::deal);
    }

    @Override
    public Stream<Deal> deals() {
        return byIdOrder(DealEntity.class, "").map(Models::deal);
    }

    @Override
    public Stream<Activity> activities(Instant from, Instant to) {
        return byTime(ActivityEntity.class, "occurredAt", e -> e.occurredAt, range("occurredAt", from, to), from, to)
                .map(Models::activity);
    }

    @Override
    public Stream<RevenueEvent> revenueEvents(Instant from, Instant to) {
        return byTime(RevenueEventEntity.class, "occurredAt", e -> e.occurredAt, range("occurredAt", from, to), from,
                to).map(Models::revenueEvent);
    }

    @Override
    public Stream<RevenueEvent> revenueEventsOf(String accountId) {
        return store.read(tenant.id(), em -> em.createQuery("SELECT e FROM RevenueEventEntity e WHERE e.accountId = :a"
                + " ORDER BY e.occurredAt, e.id", RevenueEventEntity.class).setParameter("a", accountId)
                .getResultList()).stream().map(Models::revenueEvent);
    }

    @Override
    public Stream<StageTransition> transitions(ObjectType type, Instant from, Instant to) {
        String condition = range("at", from, to) + " AND e.objectType = '" + type.name() + "'";
        return byTime(StageTransitionEntity.class, "at", e -> e.at, condition, from, to).map(Models::transition);
    }

    @Override
    public Stream<StageTransition> transitionsOf(ObjectType type, String objectId) {
        return store.read(tenant.id(), em -> em.createQuery("SELECT e FROM StageTransitionEntity e WHERE e.objectId = :o"
                + " AND e.objectType = :t ORDER BY e.at, e.id", StageTransitionEntity.class).setParameter("o", objectId)
                .setParameter("t", type.name()).getResultList()).stream().map(Models::transition);
    }

    @Override
    public Stream<Goal> goals() {
        return byIdOrder(GoalEntity.class, "").map(Models::goal);
    }

    @Override
    public Stream<PropertyDefinition> propertyDefinitions() {
        return store.read(tenant.id(), em -> em.createQuery("SELECT p FROM PropertyDefinitionEntity p"
                + " ORDER BY p.objectType, p.propertyKey", PropertyDefinitionEntity.class).getResultList()).stream()
                .map(Models::propertyDefinition);
    }

    @Override
    public Facts facts(Instant asOf) {
        FactsSource source = facts.get();
        if (source == null) {
            throw new IllegalStateException("The facts are kept by the KPI engine, which is not installed");
        }
        return source.facts(tenant, asOf);
    }

    private <E extends TenantRow> Optional<E> byId(Class<E> type, String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(store.read(tenant.id(), em -> em.find(type, id)));
    }

    private <E extends TenantRow> Stream<E> byIdOrder(Class<E> type, String condition) {
        String jpql = "SELECT e FROM " + type.getSimpleName() + " e WHERE e.id > :after" + condition + " ORDER BY e.id";
        return Pages.<E>stream((last, size) -> store.read(tenant.id(), em -> em.createQuery(jpql, type)
                .setParameter("after", last == null ? "" : last.id).setMaxResults(size).getResultList()));
    }

    /** Keyset pages in (time, id) order; {@code condition} restricts the range. */
    private <E extends TenantRow> Stream<E> byTime(Class<E> type, String timeField, Function<E, Long> time,
            String condition, Instant from, Instant to) {
        String base = "SELECT e FROM " + type.getSimpleName() + " e WHERE " + condition;
        String next = " AND (e." + timeField + " > :t OR (e." + timeField + " = :t AND e.id > :id))";
        String order = " ORDER BY e." + timeField + ", e.id";
        return Pages.<E>stream((last, size) -> store.read(tenant.id(), em -> {
            TypedQuery<E> q = em.createQuery(base + (last == null ? "" : next) + order, type).setMaxResults(size);
            if (from != null) {
                q.setParameter("from", from.toEpochMilli());
            }
            if (to != null) {
                q.setParameter("to", to.toEpochMilli());
            }
            if (last != null) {
                q.setParameter("t", time.apply(last)).setParameter("id", last.id);
            }
            return q.getResultList();
        }));
    }

    private static String range(String field, Instant from, Instant to) {
        String lower = from == null ? "1 = 1" : "e." + field + " >= :from";
        return to == null ? lower : lower + " AND e." + field + " < :to";
    }

}
