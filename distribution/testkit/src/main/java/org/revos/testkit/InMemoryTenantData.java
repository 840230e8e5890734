package org.revos.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

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

/**
 * A tenant's data held in lists: what {@code RevosData.forTenant} answers in a runtime, for probes, notifiers,
 * importers and calculators that read records rather than facts. Records are the API's own (construct them with
 * their canonical constructors); streams come out in the order the API promises (by time where it promises one).
 *
 * <pre>{@code
 * TenantData data = InMemoryTenantData.of(Tenants.DEFAULT)
 *         .add(new Deal("d1", null, "a1", "u1", "Big one", DealType.NEW_BUSINESS, 10_000_00, 5, "sales",
 *                 "QUALIFICATION", null, null, Map.of(), Instants.at("2026-01-05"), Instants.at("2026-01-05")))
 *         .build();
 * }</pre>
 *
 * <p>{@link TenantData#facts(Instant)} answers the facts given to {@link Builder#facts(Facts)} cut at the instant
 * asked, or empty facts: build them with {@link KpiRequests#facts()} or {@link Facts#builder(Tenant)}.
 */
public final class InMemoryTenantData implements TenantData {

    private final Tenant tenant;
    private final List<User> users;
    private final List<Account> accounts;
    private final List<Contact> contacts;
    private final List<Lead> leads;
    private final List<Deal> deals;
    private final List<Activity> activities;
    private final List<RevenueEvent> revenue;
    private final List<StageTransition> transitions;
    private final List<Goal> goals;
    private final List<PropertyDefinition> properties;
    private final Facts facts;

    private InMemoryTenantData(Builder b) {
        tenant = b.tenant;
        users = List.copyOf(b.users);
        accounts = List.copyOf(b.accounts);
        contacts = List.copyOf(b.contacts);
        leads = List.copyOf(b.leads);
        deals = List.copyOf(b.deals);
        activities = b.activities.stream().sorted(Comparator.comparing(Activity::occurredAt)).toList();
        revenue = b.revenue.stream().sorted(Comparator.comparing(RevenueEvent::occurredAt)
                .thenComparing(RevenueEvent::id)).toList();
        transitions = b.transitions.stream().sorted(Comparator.comparing(StageTransition::at)).toList();
        goals = List.copyOf(b.goals);
        properties = List.copyOf(b.properties);
        facts = b.facts;
    }

    public static Builder of(Tenant tenant) {
        return new Builder(tenant);
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    @Override
    public Optional<User> user(String id) {
        return find(users, User::id, id);
    }

    @Override
    public Stream<User> users() {
        return users.stream();
    }

    @Override
    public Optional<Account> account(String id) {
        return find(accounts, Account::id, id);
    }

    @Override
    public Stream<Account> accounts() {
        return accounts.stream();
    }

    @Override
    public Optional<Contact> contact(String id) {
        return find(contacts, Contact::id, id);
    }

    @Override
    public Stream<Contact> contacts() {
        return contacts.stream();
    }

    @Override
    public Optional<Lead> lead(String id) {
        return find(leads, Lead::id, id);
    }

    @Override
    public Stream<Lead> leads() {
        return leads.stream();
    }

    @Override
    public Optional<Deal> deal(String id) {
        return find(deals, Deal::id, id);
    }

    @Override
    public Stream<Deal> deals() {
        return deals.stream();
    }

    @Override
    public Stream<Activity> activities(Instant from, Instant to) {
        return activities.stream().filter(a -> within(a.occurredAt(), from, to));
    }

    @Override
    public Stream<RevenueEvent> revenueEvents(Instant from, Instant to) {
        return revenue.stream().filter(r -> within(r.occurredAt(), from, to));
    }

    @Override
    public Stream<RevenueEvent> revenueEventsOf(String accountId) {
        return revenue.stream().filter(r -> accountId.equals(r.accountId()));
    }

    @Override
    public Stream<StageTransition> transitions(ObjectType type, Instant from, Instant to) {
        return transitions.stream().filter(t -> t.objectType() == type && within(t.at(), from, to));
    }

    @Override
    public Stream<StageTransition> transitionsOf(ObjectType type, String objectId) {
        return transitions.stream().filter(t -> t.objectType() == type && objectId.equals(t.objectId()));
    }

    @Override
    public Stream<Goal> goals() {
        return goals.stream();
    }

    @Override
    public Stream<PropertyDefinition> propertyDefinitions() {
        return properties.stream();
    }

    @Override
    public Facts facts(Instant asOf) {
        Instant at = asOf != null ? asOf : Instant.now();
        return facts != null ? facts.asOf(at) : Facts.builder(tenant).build(at);
    }

    /** {@code from} inclusive, {@code to} exclusive, as the runtime reads ranges. */
    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static <T> Optional<T> find(List<T> rows, Function<T, String> id, String wanted) {
        return rows.stream().filter(r -> Objects.equals(id.apply(r), wanted)).findFirst();
    }

    /** Collects records; {@link #add(Object)} files each under its type. */
    public static final class Builder {
        private final Tenant tenant;
        private final List<User> users = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();
        private final List<Contact> contacts = new ArrayList<>();
        private final List<Lead> leads = new ArrayList<>();
        private final List<Deal> deals = new ArrayList<>();
        private final List<Activity> activities = new ArrayList<>();
        private final List<RevenueEvent> revenue = new ArrayList<>();
        private final List<StageTransition> transitions = new ArrayList<>();
        private final List<Goal> goals = new ArrayList<>();
        private final List<PropertyDefinition> properties = new ArrayList<>();
        private Facts facts;

        private Builder(Tenant tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
        }

        /**
         * Adds records of the API model: {@link User}, {@link Account}, {@link Contact}, {@link Lead}, {@link Deal},
         * {@link Activity}, {@link RevenueEvent}, {@link StageTransition}, {@link Goal}, {@link PropertyDefinition}.
         *
         * @throws IllegalArgumentException for anything else
         */
        public Builder add(Object... records) {
            for (Object r : records) {
                if (r instanceof User u) {
                    users.add(u);
                } else if (r instanceof Account a) {
                    accounts.add(a);
                } else if (r instanceof Contact c) {
                    contacts.add(c);
                } else if (r instanceof Lead l) {
                    leads.add(l);
                } else if (r instanceof Deal d) {
                    deals.add(d);
                } else if (r instanceof Activity a) {
                    activities.add(a);
                } else if (r instanceof RevenueEvent e) {
                    revenue.add(e);
                } else if (r instanceof StageTransition t) {
                    transitions.add(t);
                } else if (r instanceof Goal g) {
                    goals.add(g);
                } else if (r instanceof PropertyDefinition p) {
                    properties.add(p);
                } else {
                    throw new IllegalArgumentException("A tenant's data holds no "
                            + (r == null ? "null" : r.getClass().getSimpleName())
                            + "; add records of org.revos.api.model");
                }
            }
            return this;
        }

        /** The facts {@link TenantData#facts(Instant)} answers (cut at the instant asked). */
        public Builder facts(Facts facts) {
            this.facts = facts;
            return this;
        }

        public InMemoryTenantData build() {
            return new InMemoryTenantData(this);
        }
    }
}
