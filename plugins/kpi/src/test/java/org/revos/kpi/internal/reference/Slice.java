package org.revos.kpi.internal.reference;

import java.util.List;
import java.util.Map;

import org.revos.api.model.Account;
import org.revos.api.model.Deal;
import org.revos.api.model.Lead;
import org.revos.api.model.ObjectType;
import org.revos.api.model.User;

/**
 * A filter read as DOMAIN §3 and API.md define it: each entry a dimension and one or several comma-separated values
 * (any matches), entries combined with AND. Deals take segment and country from their account and have no source;
 * leads take segment from their owner; accounts have neither source nor pipeline; the team is the owner's team at the
 * window's last counted instant. Slicing by a dimension the objects lack is refused.
 */
public record Slice(Map<String, String> filter, TenantRows rows, Window window) {

    /** Thrown when the objects cannot be sliced by a dimension of the filter. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String dimension) {
            super(dimension);
        }
    }

    private static final Map<ObjectType, List<String>> SLICEABLE = Map.of(
            ObjectType.DEAL, List.of("ownerId", "team", "pipeline", "segment", "country"),
            ObjectType.LEAD, List.of("ownerId", "team", "pipeline", "source", "segment", "country"),
            ObjectType.ACCOUNT, List.of("ownerId", "team", "segment", "country"));

    /** @throws Refused when objects of {@code type} cannot be sliced by a dimension of the filter */
    public Slice require(ObjectType type) {
        for (String dimension : filter.keySet()) {
            if (!SLICEABLE.get(type).contains(dimension)) {
                throw new Refused(dimension);
            }
        }
        return this;
    }

    public boolean keeps(Deal d) {
        Account a = rows.account(d.accountId()).orElse(null);
        return keeps(name -> switch (name) {
            case "ownerId" -> d.ownerId();
            case "pipeline" -> d.pipeline();
            case "segment" -> a == null ? null : a.segment();
            case "country" -> a == null ? null : a.country();
            default -> throw new Refused(name);
        }, d.ownerId());
    }

    public boolean keeps(Lead l) {
        return keeps(name -> switch (name) {
            case "ownerId" -> l.ownerId();
            case "pipeline" -> l.pipeline();
            case "source" -> l.source();
            case "country" -> l.country();
            case "segment" -> l.ownerId() == null ? null : rows.user(l.ownerId()).map(User::segment).orElse(null);
            default -> throw new Refused(name);
        }, l.ownerId());
    }

    public boolean keeps(Account a) {
        return keeps(name -> switch (name) {
            case "ownerId" -> a.ownerId();
            case "segment" -> a.segment();
            case "country" -> a.country();
            default -> throw new Refused(name);
        }, a.ownerId());
    }

    private boolean keeps(java.util.function.Function<String, String> dimension, String owner) {
        boolean kept = true;
        for (Map.Entry<String, String> f : filter.entrySet()) {
            List<String> wanted = List.of(f.getValue().split(","));
            String value;
            if (f.getKey().equals("team")) {
                value = owner == null ? null : rows.teamAt(owner, window.teamAt());
            } else {
                value = dimension.apply(f.getKey());
            }
            if (value == null || !wanted.contains(value)) {
                kept = false;
            }
        }
        return kept;
    }
}
