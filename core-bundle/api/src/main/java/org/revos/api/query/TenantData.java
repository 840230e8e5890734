package org.revos.api.query;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ProviderType;
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

/**
 * Read access to one tenant's data. Every method sees that tenant's rows only.
 * <p>
 * Streams are lazy and fetch in pages; they hold no database resources between pages, so they need not be closed,
 * and they are ordered stably (by id unless a method says otherwise). Time ranges are half-open: {@code from}
 * inclusive, {@code to} exclusive; a {@code null} bound is open.
 */
@ProviderType
public interface TenantData {

    /** @return the tenant this view is scoped to */
    Tenant tenant();

    Optional<User> user(String id);

    Stream<User> users();

    Optional<Account> account(String id);

    Stream<Account> accounts();

    Optional<Contact> contact(String id);

    Stream<Contact> contacts();

    Optional<Lead> lead(String id);

    Stream<Lead> leads();

    Optional<Deal> deal(String id);

    Stream<Deal> deals();

    /** @return activities that occurred in [from, to), ordered by occurrence */
    Stream<Activity> activities(Instant from, Instant to);

    /** @return revenue events that occurred in [from, to), ordered by occurrence then id */
    Stream<RevenueEvent> revenueEvents(Instant from, Instant to);

    /** @return every revenue event of one account, ordered by occurrence then id */
    Stream<RevenueEvent> revenueEventsOf(String accountId);

    /** @return stage transitions of objects of {@code type} made in [from, to), ordered by instant then id */
    Stream<StageTransition> transitions(ObjectType type, Instant from, Instant to);

    /** @return the stage history of one lead or deal, oldest first */
    Stream<StageTransition> transitionsOf(ObjectType type, String objectId);

    Stream<Goal> goals();

    /** @return the tenant's custom property definitions, by object type then key */
    Stream<PropertyDefinition> propertyDefinitions();

    /**
     * @param asOf the instant to describe; {@code null} for now
     * @return the tenant's facts, column by column, as known at {@code asOf} (served from memory)
     */
    Facts facts(Instant asOf);
}
