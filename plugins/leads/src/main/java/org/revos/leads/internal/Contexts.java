package org.revos.leads.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.revos.api.leads.ExistingObject;
import org.revos.api.leads.FilterContext;
import org.revos.api.leads.Rep;
import org.revos.api.leads.RoutingContext;
import org.revos.api.leads.ScoreCard;
import org.revos.api.leads.ScoredLead;
import org.revos.api.leads.ScoringContext;
import org.revos.api.leads.Signal;
import org.revos.api.leads.SignUp;
import org.revos.api.model.Tenant;

/** The inputs the engine hands the strategies. */
final class Contexts {

    private Contexts() {
    }

    /**
     * What filters may ask, answered in the sign-up's transaction: duplicates from the intake records (looked up for
     * the whole transaction at once, see {@link Known}), customers from the accounts with revenue when the request
     * started.
     */
    record Filters(Tenant tenant, Map<String, Object> settings, Set<String> freeMail, Set<String> customers,
            Known known, ExistingIndex existing, ExistingObject[] matched) implements FilterContext {

        @Override
        public boolean freeMailDomain(String domain) {
            return domain != null && freeMail.contains(domain);
        }

        @Override
        public boolean existingCustomer(String domain) {
            return domain != null && customers.contains(domain);
        }

        @Override
        public boolean knownEmail(String email) {
            return known.knownEmail(email);
        }

        @Override
        public boolean knownDomain(String domain) {
            return known.knownDomain(domain);
        }

        /** Answers from the tenant's index of leads, contacts and accounts; the last match is kept for the record. */
        @Override
        public Optional<ExistingObject> existingEmail(String email) {
            return kept(existing.email(email));
        }

        @Override
        public Optional<ExistingObject> existingDomain(String domain) {
            return kept(existing.domain(domain, freeMail));
        }

        private Optional<ExistingObject> kept(Optional<ExistingObject> found) {
            found.ifPresent(o -> matched[0] = o);
            return found;
        }
    }

    record Scoring(Tenant tenant, Map<String, Object> settings, Instant now, List<Signal> activities)
            implements ScoringContext {
    }

    record Routing(Tenant tenant, Map<String, Object> settings, List<Rep> reps) implements RoutingContext {
    }

    record Scored(SignUp signUp, int score, ScoreCard card) implements ScoredLead {
    }
}
