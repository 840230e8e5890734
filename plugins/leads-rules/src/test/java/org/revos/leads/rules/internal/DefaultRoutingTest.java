package org.revos.leads.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.api.leads.Rep;
import org.revos.api.leads.RoutingChoice;
import org.revos.api.model.UserRole;
import org.revos.leads.rules.internal.DefaultRouting.Rules;
import org.revos.testkit.Leads;
import org.revos.testkit.Leads.TestRep;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DefaultRoutingTest {

    private static final Map<String, Object> SETTINGS = Map.of("roles", List.of("AE"), "territories", Map.of(
            "AMER", List.of("US", "CA"), "EMEA", List.of("DE", "FR")));

    private static Rules rules(Map<String, Object> settings) {
        Settings s = new Settings(settings);
        Rules rules = Rules.read(s);
        assertEquals(Map.of(), s.problems());
        return rules;
    }

    /** Routes one lead and books it as the engine does; answers the choice. */
    private static RoutingChoice routeAndBook(Integer employees, String country, List<TestRep> reps, Rules rules,
            long[] seq) {
        RoutingChoice choice = DefaultRouting.route(employees, country, new ArrayList<Rep>(reps), rules);
        if (choice.repId() != null) {
            reps.stream().filter(r -> r.id().equals(choice.repId())).findFirst().orElseThrow().book(++seq[0]);
        }
        return choice;
    }

    @Test
    void bySegmentBandAndTerritoryToTheNextRepInTurn() {
        List<TestRep> reps = List.of(
                Leads.rep("a").role(UserRole.AE).team("AMER").segment("MID_MARKET").capacity(2).load(0).build(),
                Leads.rep("b").role(UserRole.AE).team("AMER").segment("MID_MARKET").capacity(2).load(1).build(),
                Leads.rep("c").role(UserRole.AE).team("EMEA").segment("MID_MARKET").capacity(5).load(0).build(),
                Leads.rep("d").role(UserRole.SDR).team("AMER").segment("MID_MARKET").capacity(5).load(0).build(),
                Leads.rep("e").role(UserRole.AE).team("AMER").segment("ENTERPRISE").capacity(5).load(0).build());
        Rules rules = rules(SETTINGS);
        long[] seq = { 0 };
        assertEquals("a", routeAndBook(300, "US", reps, rules, seq).repId());
        assertEquals("b", routeAndBook(300, "CA", reps, rules, seq).repId());
        assertEquals("a", routeAndBook(300, "US", reps, rules, seq).repId());
        RoutingChoice full = routeAndBook(300, "US", reps, rules, seq);
        assertNull(full.repId(), "a and b are full; the SDR is not an AE");
        assertEquals("unassigned", full.queue());
        assertEquals("no-capacity", full.rule());
        assertEquals("c", routeAndBook(250, "DE", reps, rules, seq).repId());
        assertEquals("e", routeAndBook(5000, "US", reps, rules, seq).repId());
        assertEquals("no-rep", routeAndBook(5000, "DE", reps, rules, seq).rule());
        assertEquals("territory", routeAndBook(300, "JP", reps, rules, seq).rule());
        RoutingChoice small = routeAndBook(null, "US", reps, rules, seq);
        assertEquals("no-rep", small.rule(), "an unknown size takes the lowest band, SMB, which nobody covers");
        assertTrue(small.reason().contains("SMB in AMER"), small.reason());
    }

    @Test
    void validationNamesEveryBadField() {
        Map<String, Object> territories = new java.util.LinkedHashMap<>();
        territories.put("AMER", List.of("US"));
        territories.put("ALSO", List.of("US", "XX1"));
        Map<String, String> problems = new DefaultRouting().validate(Map.of("roles", List.of("AE", "WIZARD"),
                "segments", List.of(Map.of("name", "SMB", "minEmployees", 0), Map.of("name", "SMB",
                        "minEmployees", 10), Map.of("minEmployees", 5)), "territories", territories, "queue",
                "Not A Name"));
        assertEquals(Set.of("roles[1]", "segments[1]", "segments[2].name", "territories.ALSO[0]",
                "territories.ALSO[1]", "queue"), problems.keySet(), problems.toString());
    }

    /** A rep of the group, as the property generates it. */
    record Spec(int capacity, int load, boolean ae) {
    }

    /**
     * Whatever the reps and the stream of leads: no rep is ever given a lead beyond its capacity, a lead is queued
     * only when no rep of its group has room, and among reps of a group with room left the counts stay within one of
     * each other (round robin).
     */
    @Property
    void capacityIsNeverExceededRoundRobinIsFairAndTheQueueTakesTheRest(@ForAll("reps") @Size(min = 1, max = 8)
            List<Spec> specs, @ForAll @IntRange(min = 0, max = 300) int leads, @ForAll("sizes") List<Integer> sizes) {
        List<TestRep> reps = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            reps.add(Leads.rep(String.format("r%02d", i)).role(s.ae() ? UserRole.AE : UserRole.SDR)
                    .segment(i % 2 == 0 ? "SMB" : "MID_MARKET").capacity(s.capacity())
                    .load(Math.min(s.load(), s.capacity())).build());
        }
        Map<String, Integer> startLoad = new HashMap<>();
        reps.forEach(r -> startLoad.put(r.id(), r.load()));
        Rules rules = rules(Map.of("roles", List.of("AE")));
        long[] seq = { 0 };
        for (int i = 0; i < leads; i++) {
            Integer employees = sizes.isEmpty() ? 50 : sizes.get(i % sizes.size());
            String segment = employees >= 1000 ? "ENTERPRISE" : employees >= 200 ? "MID_MARKET" : "SMB";
            boolean room = reps.stream().anyMatch(r -> r.role() == UserRole.AE && segment.equals(r.segment())
                    && r.capacity() - r.load() > 0);
            RoutingChoice choice = routeAndBook(employees, null, reps, rules, seq);
            assertEquals(room, choice.repId() != null, choice.toString());
            if (choice.repId() != null) {
                TestRep rep = reps.stream().filter(r -> r.id().equals(choice.repId())).findFirst().orElseThrow();
                assertEquals(UserRole.AE, rep.role());
                assertEquals(segment, rep.segment());
            } else {
                assertEquals("unassigned", choice.queue());
            }
        }
        for (TestRep r : reps) {
            assertTrue(r.load() <= r.capacity(), r.id() + " holds " + r.load() + " of " + r.capacity());
        }
        for (String segment : List.of("SMB", "MID_MARKET")) {
            List<TestRep> open = reps.stream().filter(r -> r.role() == UserRole.AE && segment.equals(r.segment())
                    && r.load() < r.capacity()).toList();
            List<Integer> given = open.stream().map(r -> r.load() - startLoad.get(r.id())).toList();
            if (given.size() > 1) {
                int min = given.stream().mapToInt(Integer::intValue).min().orElseThrow();
                int max = given.stream().mapToInt(Integer::intValue).max().orElseThrow();
                assertTrue(max - min <= 1, segment + ": reps with room got " + given);
            }
        }
    }

    @Provide
    Arbitrary<List<Spec>> reps() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 50),
                Arbitraries.of(true, true, true, false)).as(Spec::new).list();
    }

    @Provide
    Arbitrary<List<Integer>> sizes() {
        return Arbitraries.integers().between(0, 600).list().ofMaxSize(20);
    }
}
