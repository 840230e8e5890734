package org.revos.kpi.internal.reference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.revos.api.model.Account;
import org.revos.api.model.Deal;
import org.revos.api.model.Goal;
import org.revos.api.model.Lead;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.RevenueEvent;
import org.revos.api.model.StageCategory;
import org.revos.api.model.StageTransition;
import org.revos.api.model.User;

/**
 * Every row of one tenant that a figure depends on, as plain lists: the only input of the reference. Nothing is
 * indexed or cached; every question is a loop.
 *
 * @param memberships every team membership ever started (a user changing team starts one; {@code team} may be null)
 * @param pipelines   the tenant's pipelines, where stage categories come from
 */
public record TenantRows(ZoneId zone, List<User> users, List<Membership> memberships, List<Account> accounts,
        List<Deal> deals, List<Lead> leads, List<StageTransition> transitions, List<RevenueEvent> revenue,
        List<Goal> goals, List<Pipeline> pipelines) {

    /** That {@code userId} belongs to {@code team} (null: no team) from {@code since} on. */
    public record Membership(String userId, String team, Instant since) {
    }

    /**
     * @return what was known at {@code k}: objects created, stage entries made and revenue that both occurred and
     *         was recorded at or before it (team history and current attributes are kept)
     */
    public TenantRows knownAt(Instant k) {
        return new TenantRows(zone, users, memberships,
                accounts.stream().filter(a -> !a.createdAt().isAfter(k)).toList(),
                deals.stream().filter(d -> !d.createdAt().isAfter(k)).toList(),
                leads.stream().filter(l -> !l.createdAt().isAfter(k)).toList(),
                transitions.stream().filter(t -> !t.at().isAfter(k)).toList(),
                revenue.stream().filter(e -> !e.occurredAt().isAfter(k) && !e.createdAt().isAfter(k)).toList(),
                goals, pipelines);
    }

    /**
     * The team of a user at an instant, as the runtime documents it (TeamHistory): the latest membership started at
     * or before the instant, else the user's first one; a user without any membership row is in the team the user
     * has now; an unknown user is in no team.
     */
    public String teamAt(String userId, Instant at) {
        Membership latest = null;
        Membership first = null;
        for (Membership m : memberships) {
            if (!m.userId().equals(userId)) {
                continue;
            }
            if (first == null || m.since().isBefore(first.since())) {
                first = m;
            }
            if (!m.since().isAfter(at) && (latest == null || !m.since().isBefore(latest.since()))) {
                latest = m;
            }
        }
        if (latest != null) {
            return latest.team();
        }
        if (first != null) {
            return first.team();
        }
        return user(userId).map(User::team).orElse(null);
    }

    public Optional<User> user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<Account> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** @return the category of a deal or lead stage in the tenant's pipelines, empty when none has it */
    public Optional<StageCategory> category(ObjectType type, String stageId) {
        for (Pipeline p : pipelines) {
            if (p.objectType() == type) {
                for (var s : p.stages()) {
                    if (s.id().equals(stageId)) {
                        return Optional.of(s.category());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** @return DEAL when a deal pipeline has the stage, else LEAD when a lead pipeline has it */
    public Optional<ObjectType> typeOfStage(String stageId) {
        if (category(ObjectType.DEAL, stageId).isPresent()) {
            return Optional.of(ObjectType.DEAL);
        }
        return category(ObjectType.LEAD, stageId).map(c -> ObjectType.LEAD);
    }

    /** @return whether a lead or deal with that id exists now */
    public boolean exists(ObjectType type, String id) {
        return type == ObjectType.DEAL ? deals.stream().anyMatch(d -> d.id().equals(id))
                : leads.stream().anyMatch(l -> l.id().equals(id));
    }
}
