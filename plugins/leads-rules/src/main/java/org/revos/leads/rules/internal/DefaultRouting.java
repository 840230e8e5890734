package org.revos.leads.rules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.revos.api.leads.LeadRouting;
import org.revos.api.leads.Rep;
import org.revos.api.leads.RoutingChoice;
import org.revos.api.leads.RoutingContext;
import org.revos.api.leads.ScoredLead;
import org.revos.api.model.UserRole;

/**
 * A lead's segment is the first band (highest minimum first) its company size reaches (an unknown size takes the
 * lowest band); its territory is the one whose countries include the lead's. The lead goes to a rep of a routed role
 * whose segment is the lead's and, when the tenant has territories, whose team is the lead's territory, among those
 * with free capacity (capacity minus open leads and deals) the one routed to longest ago (round robin; never routed
 * first, then by id). Nobody free: the queue.
 */
@Component(service = LeadRouting.class)
public final class DefaultRouting implements LeadRouting {

    private final LastRead<Rules> rules = new LastRead<>(settings -> Rules.read(new Settings(settings)));

    static final List<String> KEYS = List.of("roles", "segments", "territories", "queue");

    /** A segment band. */
    record Segment(String name, int minEmployees) {
    }

    /** The routing settings as the rules apply them. */
    record Rules(List<UserRole> roles, List<Segment> segments, Map<String, List<String>> territories, String queue) {

        static Rules read(Settings s) {
            s.onlyKnown(KEYS);
            List<UserRole> roles = new ArrayList<>();
            List<String> names = s.strings("roles", List.of("AE", "SDR"));
            for (int i = 0; i < names.size(); i++) {
                try {
                    roles.add(UserRole.valueOf(names.get(i).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    s.problem("roles[" + i + "]", "must be a role: " + List.of(UserRole.values()));
                }
            }
            if (s.has("roles") && names.isEmpty() && !s.problems().containsKey("roles")) {
                s.problem("roles", "must name at least one role leads are routed to, such as AE");
            }
            List<Segment> segments = new ArrayList<>();
            List<?> b = s.list("segments");
            if (b == null) {
                segments.addAll(List.of(new Segment("ENTERPRISE", 1000), new Segment("MID_MARKET", 200),
                        new Segment("SMB", 0)));
            } else {
                if (b.isEmpty()) {
                    s.problem("segments", "must list at least one segment band, such as {\"name\": \"SMB\","
                            + " \"minEmployees\": 0}");
                }
                for (int i = 0; i < b.size(); i++) {
                    String path = "segments[" + i + "]";
                    Map<String, Object> band = s.object(path, b.get(i));
                    for (String k : band.keySet()) {
                        if (!k.equals("name") && !k.equals("minEmployees")) {
                            s.problem(path + "." + k, "is not a member of a segment band; use name, minEmployees");
                        }
                    }
                    Object name = band.get("name");
                    if (!(name instanceof String n) || n.isBlank() || n.length() > 100) {
                        s.problem(path + ".name", "must be the segment's name as users carry it, such as MID_MARKET");
                        continue;
                    }
                    int min = s.integer(path + ".minEmployees", band.get("minEmployees"), 0, 10_000_000, 0);
                    if (segments.stream().anyMatch(x -> x.minEmployees() == min || x.name().equals(n))) {
                        s.problem(path, "repeats the name or minimum of another band");
                    }
                    segments.add(new Segment(n, min));
                }
            }
            segments.sort(Comparator.comparingInt(Segment::minEmployees).reversed());
            Map<String, List<String>> territories = new LinkedHashMap<>();
            Map<String, Object> t = s.object("territories");
            if (t != null) {
                t.forEach((name, countries) -> {
                    String path = "territories." + name;
                    if (name.isBlank() || name.length() > 100) {
                        s.problem(path, "must be named as the team of its reps (1 to 100 characters)");
                    }
                    List<String> codes = new ArrayList<>();
                    if (countries instanceof List<?> list && !list.isEmpty()) {
                        for (int i = 0; i < list.size(); i++) {
                            String code = s.country(path + "[" + i + "]", list.get(i));
                            if (code != null && territories.values().stream().anyMatch(l -> l.contains(code))) {
                                s.problem(path + "[" + i + "]", code + " is already in another territory");
                            } else if (code != null) {
                                codes.add(code);
                            }
                        }
                    } else {
                        s.problem(path, "must list the territory's ISO-3166 alpha-2 country codes");
                    }
                    territories.put(name, codes);
                });
            }
            return new Rules(List.copyOf(roles), List.copyOf(segments), territories, s.name("queue", "unassigned"));
        }

        Optional<Segment> segment(Integer employees) {
            if (employees == null) {
                return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
            }
            return segments.stream().filter(x -> employees >= x.minEmployees()).findFirst();
        }

        Optional<String> territory(String country) {
            return territories.entrySet().stream().filter(e -> country != null && e.getValue().contains(country))
                    .map(Map.Entry::getKey).findFirst();
        }
    }

    @Override
    public RoutingChoice route(ScoredLead lead, RoutingContext context) {
        return route(lead.signUp().employees(), lead.signUp().country(), context.reps(),
                rules.of(context.settings()));
    }

    static RoutingChoice route(Integer employees, String country, List<Rep> reps, Rules rules) {
        Optional<Segment> segment = rules.segment(employees);
        if (segment.isEmpty()) {
            return RoutingChoice.toQueue(rules.queue(), "segment", "a company of " + employees
                    + " employees is in no segment band");
        }
        String name = segment.get().name();
        Optional<String> territory = rules.territories().isEmpty() ? Optional.empty() : rules.territory(country);
        if (!rules.territories().isEmpty() && territory.isEmpty()) {
            return RoutingChoice.toQueue(rules.queue(), "territory", (country == null ? "an unknown country"
                    : country) + " is in no territory");
        }
        String where = name + territory.map(x -> " in " + x).orElse("");
        List<Rep> equals = reps.stream().filter(r -> r.role() != null && rules.roles().contains(r.role())
                && name.equals(r.segment()) && territory.map(x -> x.equals(r.team())).orElse(true)).toList();
        if (equals.isEmpty()) {
            return RoutingChoice.toQueue(rules.queue(), "no-rep", "no " + rules.roles() + " rep covers " + where);
        }
        List<Rep> free = equals.stream().filter(r -> r.free() > 0).toList();
        if (free.isEmpty()) {
            return RoutingChoice.toQueue(rules.queue(), "no-capacity", "all " + equals.size() + " reps of " + where
                    + " are at capacity");
        }
        Rep next = free.stream().min(Comparator.comparingLong(Rep::lastRouted).thenComparing(Rep::id)).orElseThrow();
        return RoutingChoice.toRep(next.id(), "segment-round-robin", where + ": next in turn among " + free.size()
                + " of " + equals.size() + " reps with free capacity (" + next.free() + " free)");
    }

    @Override
    public Map<String, String> validate(Map<String, Object> settings) {
        Settings s = new Settings(settings);
        Rules.read(s);
        return s.problems();
    }
}
