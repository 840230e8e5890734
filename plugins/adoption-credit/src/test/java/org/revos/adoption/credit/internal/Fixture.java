package org.revos.adoption.credit.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.revos.api.model.Account;
import org.revos.api.model.Activity;
import org.revos.api.model.Contact;
import org.revos.api.model.Deal;
import org.revos.api.model.DealType;
import org.revos.api.model.Goal;
import org.revos.api.model.GoalScope;
import org.revos.api.model.Lead;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.model.RevenueEvent;
import org.revos.api.model.StageTransition;
import org.revos.api.model.Tenant;
import org.revos.api.model.User;
import org.revos.api.model.UserRole;
import org.revos.api.query.Facts;
import org.revos.api.query.TenantData;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.NotifierSubscription;
import org.revos.api.spi.ProbeContext;

/** A tenant's data and configuration in memory, changed step by step the way a tenant would change them. */
final class Fixture implements TenantData {

    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    final List<User> users = new ArrayList<>();
    final List<Deal> deals = new ArrayList<>();
    final List<Goal> goals = new ArrayList<>();
    final List<PropertyDefinition> properties = new ArrayList<>();
    final List<StageTransition> transitions = new ArrayList<>();
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<KpiDefinition> kpis = new ArrayList<>();
    final List<NotifierSubscription> subscriptions = new ArrayList<>();
    final List<ChecklistItem> items = new ArrayList<>();

    static Initiative propertyInitiative(String documentationUrl, String team) {
        return new Initiative("ini_1", "Budget on every deal", "forecast accuracy", ObjectType.DEAL, "budgetRange",
                null, null, null, "usr_owner", "org/revos/deal/WON", documentationUrl, team, List.of());
    }

    ProbeContext context(Initiative initiative) {
        return new ProbeContext(initiative, this, pipelines, kpis, subscriptions, items, NOW);
    }

    User user(String id, String team) {
        User u = new User(id, null, "User " + id, id + "@example.com", UserRole.AE, team, null, null, NOW, NOW);
        users.add(u);
        return u;
    }

    void deal(String id, Instant updated, Map<String, Object> props) {
        deals.add(new Deal(id, null, "acc_1", "usr_owner", "Deal " + id, DealType.NEW_BUSINESS, 100, null, "sales",
                "QUALIFICATION", null, null, props, updated, updated));
    }

    void training(String userId, boolean done) {
        items.add(new ChecklistItem("chk_" + items.size(), "ini_1", org.revos.api.spi.AdoptionTactic.TRAIN,
                ChecklistItem.Kind.TRAINING, "Budget field training", "usr_owner", null, userId, null,
                done ? "key" : null, done ? NOW : null));
    }

    void goal(String kpi) {
        goals.add(new Goal("goal_" + goals.size(), null, kpi, "2026-Q2", java.math.BigDecimal.TEN,
                GoalScope.tenant(), List.of()));
    }

    @Override
    public Tenant tenant() {
        return new Tenant("ten_1", "Tenant", "USD", ZoneId.of("UTC"));
    }

    @Override
    public Optional<User> user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public Stream<User> users() {
        return users.stream();
    }

    @Override
    public Optional<Account> account(String id) {
        return Optional.empty();
    }

    @Override
    public Stream<Account> accounts() {
        return Stream.empty();
    }

    @Override
    public Optional<Contact> contact(String id) {
        return Optional.empty();
    }

    @Override
    public Stream<Contact> contacts() {
        return Stream.empty();
    }

    @Override
    public Optional<Lead> lead(String id) {
        return Optional.empty();
    }

    @Override
    public Stream<Lead> leads() {
        return Stream.empty();
    }

    @Override
    public Optional<Deal> deal(String id) {
        return deals.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public Stream<Deal> deals() {
        return deals.stream();
    }

    @Override
    public Stream<Activity> activities(Instant from, Instant to) {
        return Stream.empty();
    }

    @Override
    public Stream<RevenueEvent> revenueEvents(Instant from, Instant to) {
        return Stream.empty();
    }

    @Override
    public Stream<RevenueEvent> revenueEventsOf(String accountId) {
        return Stream.empty();
    }

    @Override
    public Stream<StageTransition> transitions(ObjectType type, Instant from, Instant to) {
        return transitions.stream().filter(t -> t.objectType() == type && !t.at().isBefore(from) && t.at().isBefore(to));
    }

    @Override
    public Stream<StageTransition> transitionsOf(ObjectType type, String objectId) {
        return transitions.stream().filter(t -> t.objectType() == type && t.objectId().equals(objectId));
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
        throw new UnsupportedOperationException("adoption probes do not read the KPI facts");
    }
}
