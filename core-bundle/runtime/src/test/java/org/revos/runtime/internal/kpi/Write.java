package org.revos.runtime.internal.kpi;

import org.revos.api.model.DealType;
import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;

/**
 * One generated write to a tenant. Objects are picked by position among those that exist when the write is made
 * (modulo how many there are), so any sequence of writes is valid and shrinks well.
 */
public sealed interface Write {

    /** Time passes: minutes to weeks, so periods without any write occur. */
    record Wait(long minutes) implements Write {
    }

    /** A user, in a team or in none ({@code team == null}). */
    record AddUser(String team, String segment) implements Write {
    }

    /** A user changes team, or leaves every team ({@code team == null}). */
    record MoveUser(int user, String team) implements Write {
    }

    /** A user changes segment (the segment of the user's leads). */
    record Resegment(int user, String segment) implements Write {
    }

    record AddAccount(int owner, String segment, String country) implements Write {
    }

    /** An account changes country (its deals' country too). */
    record Relocate(int account, String country) implements Write {
    }

    /**
     * A deal, possibly without amount ({@code arr == null}) or close date, in the default or the partner pipeline.
     *
     * @param closeInDays the close date relative to today in the tenant's zone, {@code null} for none
     */
    record AddDeal(int account, int owner, Long arr, Integer closeInDays, DealType type, boolean partner)
            implements Write {
    }

    /** A deal's ARR changes. */
    record Reprice(int deal, long arr) implements Write {
    }

    /** A lead, with or without owner ({@code owner < 0}). */
    record AddLead(int owner, String source, String country) implements Write {
    }

    /** A deal or lead moves to the stage at {@code stage} (modulo) of its pipeline: won, reopened, won again. */
    record Advance(ObjectType type, int object, int stage) implements Write {
    }

    /**
     * A revenue event, self-serve or naming one of the account's deals, dated {@code shiftHours} before (negative) or
     * after now.
     */
    record Book(int account, boolean sales, RevenueKind kind, long arr, long shiftHours, int seats) implements Write {

        /** Revenue without a change of seats. */
        public Book(int account, boolean sales, RevenueKind kind, long arr, long shiftHours) {
            this(account, sales, kind, arr, shiftHours, 0);
        }
    }

    /** A deal is given to another owner (the rep of revenue recorded later). */
    record Reassign(int deal, int owner) implements Write {
    }

    /** An account manager of a segment, with a capacity of accounts (the handover's candidates). */
    record AddAm(String segment, int capacity) implements Write {
    }

    /** A deal, lead or account is deleted (refused while something refers to it). */
    record Delete(ObjectType type, int index) implements Write {
    }
}
