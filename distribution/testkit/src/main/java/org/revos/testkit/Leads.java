package org.revos.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.revos.api.leads.ExistingObject;
import org.revos.api.leads.FilterContext;
import org.revos.api.leads.LeadFilter;
import org.revos.api.leads.LeadRouting;
import org.revos.api.leads.LeadScoring;
import org.revos.api.leads.Rep;
import org.revos.api.leads.RoutingContext;
import org.revos.api.leads.ScoreCard;
import org.revos.api.leads.ScoredLead;
import org.revos.api.leads.ScoringContext;
import org.revos.api.leads.SignUp;
import org.revos.api.leads.Signal;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.model.UserRole;

/**
 * The inputs lead intake hands {@link LeadFilter}, {@link LeadScoring} and {@link LeadRouting} strategies: a
 * sign-up with its signals, and the filter, scoring and routing contexts (what the tenant knows, its reps with their
 * load and turn).
 *
 * <pre>{@code
 * SignUp ann = Leads.signUp("ann@acme.io").country("DE").employees(250).title("VP Sales")
 *         .signal("pricing_visit", 3, "2026-07-14").build();
 * FilterVerdict verdict = new MyFilter().check(ann, Leads.filterContext().freeMail("gmail.com").build());
 * Leads.TestRep rep = Leads.rep("u1").team("East").capacity(10).load(3).build();
 * RoutingChoice choice = new MyRouting().route(Leads.scored(ann, 80), Leads.routingContext().rep(rep).build());
 * }</pre>
 */
public final class Leads {

    /** When sign-ups arrive and scoring looks from unless told: 2026-07-15T10:00Z. */
    public static final Instant NOW = Instants.at("2026-07-15T10:00:00Z");

    private Leads() {
    }

    public static SignUpBuilder signUp(String email) {
        return new SignUpBuilder(email);
    }

    /** @return a signal of {@code type} counted {@code count} times, last at {@code at} */
    public static Signal signal(String type, long count, String at) {
        return signal(type, count, Instants.at(at));
    }

    public static Signal signal(String type, long count, Instant at) {
        return new TestSignal(type, count, at);
    }

    public static FilterContextBuilder filterContext() {
        return new FilterContextBuilder();
    }

    public static ScoringContextBuilder scoringContext() {
        return new ScoringContextBuilder();
    }

    public static RoutingContextBuilder routingContext() {
        return new RoutingContextBuilder();
    }

    public static RepBuilder rep(String id) {
        return new RepBuilder(id);
    }

    /** @return the lead a routing strategy is handed, with a card of one fit line worth the score */
    public static ScoredLead scored(SignUp signUp, int score) {
        return scored(signUp, score, ScoreCard.builder().fit("test", score, "score given by the test").build());
    }

    /** @param score the combined score the engine derived from {@code card} with the tenant's weights */
    public static ScoredLead scored(SignUp signUp, int score, ScoreCard card) {
        return new TestScoredLead(signUp, score, card);
    }

    record TestSignal(String type, long count, Instant at) implements Signal {
    }

    record TestSignUp(String email, String domain, String name, String company, String country, Integer employees,
            String title, String source, List<Signal> signals, Instant receivedAt) implements SignUp {
    }

    record TestScoredLead(SignUp signUp, int score, ScoreCard card) implements ScoredLead {
    }

    record TestFilterContext(Tenant tenant, Map<String, Object> settings, Set<String> freeMail,
            Set<String> customers, Set<String> emails, Set<String> domains, Map<String, ExistingObject> objectEmails,
            Map<String, ExistingObject> objectDomains) implements FilterContext {

        @Override
        public boolean freeMailDomain(String domain) {
            return freeMail.contains(lower(domain));
        }

        @Override
        public boolean existingCustomer(String domain) {
            return customers.contains(lower(domain));
        }

        @Override
        public boolean knownEmail(String email) {
            return emails.contains(lower(email));
        }

        /** As the engine answers: a free-mail domain is never a known company. */
        @Override
        public boolean knownDomain(String domain) {
            return !freeMailDomain(domain) && domains.contains(lower(domain));
        }

        @Override
        public Optional<ExistingObject> existingEmail(String email) {
            return Optional.ofNullable(objectEmails.get(lower(email)));
        }

        /** As the engine answers: a free-mail domain is never a company's. */
        @Override
        public Optional<ExistingObject> existingDomain(String domain) {
            return freeMailDomain(domain) ? Optional.empty() : Optional.ofNullable(objectDomains.get(lower(domain)));
        }
    }

    record TestScoringContext(Tenant tenant, Map<String, Object> settings, Instant now, List<Signal> activities)
            implements ScoringContext {
    }

    record TestRoutingContext(Tenant tenant, Map<String, Object> settings, List<Rep> reps)
            implements RoutingContext {
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    /** A sign-up; its domain is the part of the e-mail after {@code @}. */
    public static final class SignUpBuilder {
        private final String email;
        private String name;
        private String company;
        private String country;
        private Integer employees;
        private String title;
        private String source;
        private final List<Signal> signals = new ArrayList<>();
        private Instant receivedAt = NOW;

        private SignUpBuilder(String email) {
            this.email = email;
        }

        public SignUpBuilder name(String name) {
            this.name = name;
            return this;
        }

        public SignUpBuilder company(String company) {
            this.company = company;
            return this;
        }

        public SignUpBuilder country(String country) {
            this.country = country;
            return this;
        }

        public SignUpBuilder employees(Integer employees) {
            this.employees = employees;
            return this;
        }

        public SignUpBuilder title(String title) {
            this.title = title;
            return this;
        }

        public SignUpBuilder source(String source) {
            this.source = source;
            return this;
        }

        public SignUpBuilder signal(String type, long count, String at) {
            signals.add(Leads.signal(type, count, at));
            return this;
        }

        public SignUpBuilder signals(List<Signal> all) {
            signals.addAll(all);
            return this;
        }

        public SignUpBuilder receivedAt(String at) {
            this.receivedAt = Instants.at(at);
            return this;
        }

        public SignUp build() {
            int at = email.indexOf('@');
            String domain = at < 0 ? null : email.substring(at + 1);
            return new TestSignUp(email, domain, name, company, country, employees, title, source,
                    List.copyOf(signals), receivedAt);
        }
    }

    /** What the tenant knows when a filter checks a sign-up; all sets start empty. */
    public static final class FilterContextBuilder {
        private Tenant tenant = Tenants.DEFAULT;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final Set<String> freeMail = new HashSet<>();
        private final Set<String> customers = new HashSet<>();
        private final Set<String> emails = new HashSet<>();
        private final Set<String> domains = new HashSet<>();
        private final Map<String, ExistingObject> objectEmails = new HashMap<>();
        private final Map<String, ExistingObject> objectDomains = new HashMap<>();

        private FilterContextBuilder() {
        }

        public FilterContextBuilder tenant(Tenant tenant) {
            this.tenant = tenant;
            return this;
        }

        /** A setting of the strategy, as the tenant's admin configured it. */
        public FilterContextBuilder setting(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        public FilterContextBuilder settings(Map<String, Object> all) {
            settings.putAll(all);
            return this;
        }

        public FilterContextBuilder freeMail(String... domain) {
            add(freeMail, domain);
            return this;
        }

        /** Domains of accounts that are customers already. */
        public FilterContextBuilder customer(String... domain) {
            add(customers, domain);
            return this;
        }

        /** E-mail addresses of existing leads or contacts. */
        public FilterContextBuilder knownEmail(String... email) {
            add(emails, email);
            return this;
        }

        /** Domains of existing accounts or leads. */
        public FilterContextBuilder knownDomain(String... domain) {
            add(domains, domain);
            return this;
        }

        /**
         * A lead, contact or account of the tenant with that e-mail, however it was made (by hand, an import, intake):
         * what {@link FilterContext#existingEmail} answers.
         */
        public FilterContextBuilder existingEmail(String email, ObjectType type, String id) {
            objectEmails.put(lower(email), new ExistingObject(type, id));
            return this;
        }

        /**
         * An account, lead or contact of the tenant at that company domain: what {@link FilterContext#existingDomain}
         * answers (never for a free mail domain).
         */
        public FilterContextBuilder existingDomain(String domain, ObjectType type, String id) {
            objectDomains.put(lower(domain), new ExistingObject(type, id));
            return this;
        }

        public FilterContext build() {
            return new TestFilterContext(tenant, Map.copyOf(settings), Set.copyOf(freeMail), Set.copyOf(customers),
                    Set.copyOf(emails), Set.copyOf(domains), Map.copyOf(objectEmails), Map.copyOf(objectDomains));
        }

        private static void add(Set<String> to, String... values) {
            for (String v : values) {
                to.add(lower(v));
            }
        }
    }

    /** The tenant's settings, the instant of scoring and the sign-up's recent activity. */
    public static final class ScoringContextBuilder {
        private Tenant tenant = Tenants.DEFAULT;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private Instant now = NOW;
        private final List<Signal> activities = new ArrayList<>();

        private ScoringContextBuilder() {
        }

        public ScoringContextBuilder tenant(Tenant tenant) {
            this.tenant = tenant;
            return this;
        }

        public ScoringContextBuilder setting(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        public ScoringContextBuilder settings(Map<String, Object> all) {
            settings.putAll(all);
            return this;
        }

        public ScoringContextBuilder now(String at) {
            this.now = Instants.at(at);
            return this;
        }

        public ScoringContextBuilder activity(String type, long count, String at) {
            activities.add(Leads.signal(type, count, at));
            return this;
        }

        public ScoringContext build() {
            return new TestScoringContext(tenant, Map.copyOf(settings), now, List.copyOf(activities));
        }
    }

    /** The reps a routing strategy may pick from, in the order given. */
    public static final class RoutingContextBuilder {
        private Tenant tenant = Tenants.DEFAULT;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final List<Rep> reps = new ArrayList<>();

        private RoutingContextBuilder() {
        }

        public RoutingContextBuilder tenant(Tenant tenant) {
            this.tenant = tenant;
            return this;
        }

        public RoutingContextBuilder setting(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        public RoutingContextBuilder settings(Map<String, Object> all) {
            settings.putAll(all);
            return this;
        }

        public RoutingContextBuilder rep(Rep... more) {
            reps.addAll(List.of(more));
            return this;
        }

        public RoutingContextBuilder reps(List<? extends Rep> more) {
            reps.addAll(more);
            return this;
        }

        /** The context sees the reps themselves: a test that books a {@link TestRep} sees its new load. */
        public RoutingContext build() {
            return new TestRoutingContext(tenant, Map.copyOf(settings), List.copyOf(reps));
        }
    }

    /** A rep, an AE with capacity 10 and no load unless told. */
    public static final class RepBuilder {
        private final String id;
        private UserRole role = UserRole.AE;
        private String team;
        private String segment;
        private int capacity = 10;
        private int load;
        private long lastRouted;

        private RepBuilder(String id) {
            this.id = id;
        }

        public RepBuilder role(UserRole role) {
            this.role = role;
            return this;
        }

        public RepBuilder team(String team) {
            this.team = team;
            return this;
        }

        public RepBuilder segment(String segment) {
            this.segment = segment;
            return this;
        }

        public RepBuilder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public RepBuilder load(int load) {
            this.load = load;
            return this;
        }

        /** @param epochMillis when the rep was last routed a lead (0: never) */
        public RepBuilder lastRouted(long epochMillis) {
            this.lastRouted = epochMillis;
            return this;
        }

        public TestRep build() {
            return new TestRep(id, role, team, segment, capacity, load, lastRouted);
        }
    }

    /**
     * A rep whose load and turn a test books as the engine does after routing a lead to them, so that a sequence of
     * routings can be checked (round robin, capacity running out).
     */
    public static final class TestRep implements Rep {
        private final String id;
        private final UserRole role;
        private final String team;
        private final String segment;
        private final int capacity;
        private int load;
        private long lastRouted;

        TestRep(String id, UserRole role, String team, String segment, int capacity, int load, long lastRouted) {
            this.id = id;
            this.role = role;
            this.team = team;
            this.segment = segment;
            this.capacity = capacity;
            this.load = load;
            this.lastRouted = lastRouted;
        }

        /** Books a lead routed to this rep at {@code epochMillis}: one more open lead, and their turn was then. */
        public void book(long epochMillis) {
            load++;
            lastRouted = epochMillis;
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
            return lastRouted;
        }

        @Override
        public String toString() {
            return "rep " + id + " (" + load + "/" + capacity + ")";
        }
    }
}
