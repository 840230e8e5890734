package org.revos.leads.rules.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.revos.api.leads.FilterContext;
import org.revos.api.leads.Rep;
import org.revos.api.leads.Signal;
import org.revos.api.leads.SignUp;
import org.revos.api.model.Tenant;
import org.revos.api.model.UserRole;

/** Inputs the engine would hand the rules, built by hand. */
final class Fixtures {

    static final Tenant TENANT = new Tenant("t1", "Tenant", "USD", ZoneOffset.UTC);
    static final Instant NOW = Instant.parse("2026-07-15T10:00:00Z");

    private Fixtures() {
    }

    record Up(String email, String domain, String name, String company, String country, Integer employees,
            String title, String source, List<Signal> signals, Instant receivedAt) implements SignUp {

        static Up of(String email, String country, Integer employees, String title, List<Signal> signals) {
            return new Up(email, email.substring(email.indexOf('@') + 1), null, null, country, employees, title, null,
                    signals, NOW);
        }
    }

    record Sig(String type, long count, Instant at) implements Signal {
    }

    record Known(Set<String> freeMail, Set<String> customers, Set<String> emails, Set<String> domains,
            Map<String, Object> settings) implements FilterContext {

        @Override
        public Tenant tenant() {
            return TENANT;
        }

        @Override
        public boolean freeMailDomain(String domain) {
            return freeMail.contains(domain);
        }

        @Override
        public boolean existingCustomer(String domain) {
            return customers.contains(domain);
        }

        @Override
        public boolean knownEmail(String email) {
            return emails.contains(email);
        }

        @Override
        public boolean knownDomain(String domain) {
            return !freeMail.contains(domain) && domains.contains(domain);
        }
    }

    /** A rep whose load and turn the tests book as the engine does. */
    static final class R implements Rep {
        final String id;
        final UserRole role;
        final String team;
        final String segment;
        final int capacity;
        int load;
        long last;

        R(String id, UserRole role, String team, String segment, int capacity, int load) {
            this.id = id;
            this.role = role;
            this.team = team;
            this.segment = segment;
            this.capacity = capacity;
            this.load = load;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public UserRole role() {
            return role;
        }

        @Override
        public String team() {
            return team;
        }

        @Override
        public String segment() {
            return segment;
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public int load() {
            return load;
        }

        @Override
        public long lastRouted() {
            return last;
        }
    }
}
