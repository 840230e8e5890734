package org.revos.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revos.api.event.RevosEvents;
import org.revos.api.leads.LeadRouting;
import org.revos.api.leads.RoutingChoice;
import org.revos.api.security.Caller;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.plugins.BundlelessReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The intake pipeline on a real kernel store, with the shipped rules and a stage engine stand-in. */
class LeadsEngineTest {

    private static final String T = "ten_leads";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestStores stores;
    private LeadsFixture leads;
    private Caller caller;

    @BeforeEach
    void setUp() {
        stores = new TestStores();
        stores.tenant(T);
        leads = new LeadsFixture(stores.store);
        caller = TestStores.member(T);
    }

    @AfterEach
    void tearDown() {
        leads.stop();
    }

    @Test
    void enrichmentFillsWhatTheSignUpLacksBeforeTheFiltersLookAndFreeMailIsNotAsked() {
        settings("{\"filters\": {\"allowedCountries\": [\"DE\"], \"minEmployees\": 100}, \"mql\": false}");
        List<String> asked = new ArrayList<>();
        leads.provider((tenant, request) -> {
            asked.add(request.domain());
            return Optional.of(new Firmographics("Acme GmbH", "DE", 300, "Software", null));
        });
        String rep = create(Catalog.USER, "{\"name\": \"A\", \"role\": \"AE\", \"segment\": \"MID_MARKET\","
                + " \"capacity\": 5}");
        JsonNode record = one("{\"email\": \"ada@acme.example\"}");
        assertEquals("ROUTED", record.get("outcome").asText(), record::toString);
        assertEquals(rep, record.get("ownerId").asText());
        assertEquals(Set.of("company", "country", "employees"), fields(record.get("enriched")));
        JsonNode lead = lead(record.get("leadId").asText());
        assertEquals("DE", lead.get("country").asText());
        assertEquals(300, lead.get("employees").asInt());
        assertEquals(rep, lead.get("ownerId").asText());
        assertEquals(record.at("/score/value").asInt(), lead.get("score").asInt());

        JsonNode free = one("{\"email\": \"bob@gmail.com\"}");
        assertEquals("DIVERTED", free.get("outcome").asText());
        assertEquals("free-mail", free.at("/filter/rule").asText());
        assertEquals(List.of("acme.example"), asked, "a free mail domain says nothing of a company");
    }

    @Test
    void mqlGoesThroughTheStageEngineWhichMayRefuseIt() {
        settings("{\"mqlScore\": 20}");
        JsonNode made = one("{\"email\": \"a@one.example\", \"country\": \"US\", \"employees\": 500}");
        assertTrue(made.at("/mql/became").asBoolean(), made::toString);
        assertEquals(List.of(made.get("leadId").asText()), leads.moved);
        assertEquals(List.of(), leads.placed, "intake moves its lead to MQL; placing a new lead is the kernel's");
        assertTrue(stores.events.stream().anyMatch(e -> e.getKey().equals(RevosEvents.LEAD_MQL)
                && made.get("leadId").asText().equals(e.getValue().get(RevosEvents.OBJECT_ID))));
        Map<String, Object> routed = stores.events.stream().filter(e -> e.getKey().equals(RevosEvents.LEAD_ROUTED))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertEquals("QUEUED", routed.get(RevosEvents.OUTCOME), "nobody to route to: " + routed);
        assertEquals("unassigned", routed.get(RevosEvents.LANE));

        leads.refuseMql = "needs at least 1000";
        JsonNode refused = one("{\"email\": \"b@two.example\", \"country\": \"US\", \"employees\": 500}");
        assertFalse(refused.at("/mql/became").asBoolean());
        assertTrue(refused.at("/mql/reason").asText().contains("employees: needs at least 1000"), refused::toString);
        assertFalse(lead(refused.get("leadId").asText()).isNull(), "the lead is kept, not rolled back");

        JsonNode low = one("{\"email\": \"c@three.example\"}");
        assertEquals("the score 0 is below the MQL score 20", low.at("/mql/reason").asText(), low::toString);
    }

    @Test
    void theEngineNeverAppliesARoutingChoiceBeyondCapacity() {
        String full = create(Catalog.USER, "{\"name\": \"Full\", \"role\": \"AE\", \"capacity\": 1}");
        leads.engine.removeRouting(leads.routing);
        leads.engine.addRouting(BundlelessReference.of(LeadRouting.class), new LeadRouting() {
            @Override
            public RoutingChoice route(org.revos.api.leads.ScoredLead lead,
                    org.revos.api.leads.RoutingContext context) {
                return RoutingChoice.toRep(full, "greedy", "always the same rep");
            }
        });
        List<SignUpInput> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(parse("{\"email\": \"p" + i + "@c" + i + ".example\"}"));
        }
        List<LeadsEngine.Result> results = leads.engine.intake(caller, batch, false);
        List<String> outcomes = results.stream().map(r -> r.record().get("outcome").asText()).toList();
        assertTrue(outcomes.contains("ROUTED") && outcomes.stream().filter("QUEUED"::equals).count() >= 2,
                outcomes.toString());
        assertTrue(results.stream().map(LeadsEngine.Result::record).filter(r -> "QUEUED".equals(r.get("outcome")
                .asText())).allMatch(r -> "over-capacity".equals(r.at("/routing/rule").asText())
                        || !r.at("/routing/plugin").isNull()));
    }

    @Test
    void aRepWhoLeavesHasTheirOpenLeadsRoutedToTheOthers() {
        settings("{\"mql\": false}");
        String ann = create(Catalog.USER, "{\"name\": \"Ann\", \"role\": \"AE\", \"segment\": \"SMB\","
                + " \"capacity\": 10}");
        String bob = create(Catalog.USER, "{\"name\": \"Bob\", \"role\": \"AE\", \"segment\": \"SMB\","
                + " \"capacity\": 10}");
        List<SignUpInput> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(parse("{\"email\": \"p" + i + "@c" + i + ".example\", \"employees\": 20}"));
        }
        Map<String, Integer> owners = new HashMap<>();
        leads.engine.intake(caller, batch, false).forEach(r -> owners.merge(r.record().get("ownerId").asText(), 1,
                Integer::sum));
        assertEquals(Map.of(ann, 3, bob, 3), owners, "round robin");
        assertEquals(0, leads.engine.reassign(T, bob), "Bob still has capacity");
        stores.store.write(T, caller, tx -> ObjectEngine.patch(tx, Catalog.USER, bob, parseNode("{\"capacity\":"
                + " 0}")));
        assertEquals(3, leads.engine.reassign(T, bob));
        long annHolds = stores.store.read(T, em -> em.createQuery("SELECT COUNT(l) FROM LeadEntity l WHERE"
                + " l.ownerId = :a", Long.class).setParameter("a", ann).getSingleResult());
        assertEquals(6, annHolds);
        assertEquals(0, leads.engine.reassign(T, bob), "nothing left to move");
    }

    @Test
    void emptyStageListsMeanNoStageIsOpenOrClosed() {
        settings("{\"openLeadStages\": [], \"closedDealStages\": []}");
        String ann = create(Catalog.USER, "{\"name\": \"Ann\", \"role\": \"AE\", \"segment\": \"SMB\","
                + " \"capacity\": 1}");
        JsonNode record = one("{\"email\": \"a@one.example\", \"employees\": 20}");
        assertEquals(ann, record.get("ownerId").asText(), record::toString);
        stores.store.write(T, caller, tx -> ObjectEngine.patch(tx, Catalog.USER, ann, parseNode("{\"capacity\":"
                + " 0}")));
        assertEquals(1, leads.engine.reassign(T, ann), "a lead without a stage is open");
    }

    @Test
    void settingsAreCheckedByTheEngineAndByTheStrategiesInUse() {
        Violations v = new Violations();
        IntakeSettings parsed = IntakeSettings.parse(parseNode("{\"weights\": {\"fit\": 30, \"engagement\": 30},"
                + " \"freeMailDomains\": [\"gmail.com\", \"not a domain\"], \"routing\": {\"queue\": \"Q\"},"
                + " \"scoring\": {\"halfLifeDays\": \"soon\"}}"), v);
        assertEquals(Set.of("weights", "freeMailDomains[1]"), Set.copyOf(v.list().stream().map(e -> e.field())
                .toList()));
        assertEquals(Set.of("routing.queue", "scoring.halfLifeDays"), Set.copyOf(leads.engine.validateParts(T,
                parsed).stream().map(e -> e.field()).toList()));
        assertEquals(50, IntakeSettings.DEFAULTS.fitWeight());
        assertEquals(IntakeSettings.DEFAULTS.render(), IntakeSettings.parse(IntakeSettings.DEFAULTS.render(),
                new Violations()).render(), "what GET shows, PUT takes back unchanged");
    }

    @Test
    void aSignUpTheKernelRefusesInAChunkLosesNoneOfTheOthersAndTheCountsStayTheStores() {
        settings("{\"routing\": {\"roles\": [\"AE\"]}}");
        String rep = create(Catalog.USER, "{\"name\": \"A\", \"role\": \"AE\", \"segment\": \"SMB\","
                + " \"capacity\": 3}");
        List<SignUpInput> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SignUpInput s = parse("{\"email\": \"p" + i + "@c" + i + ".example\", \"country\": \"DE\","
                    + " \"employees\": 20}");
            batch.add(i == 2 ? s.with(s.company(), s.country(), s.employees(), "x".repeat(300)) : s);
        }
        leads.engine.chunk = 4;
        List<LeadsEngine.Result> results = leads.engine.intake(caller, batch, false);
        assertEquals(6, results.size());
        assertEquals(400, results.get(2).problem().status(), "the lead's title is longer than a lead takes");
        for (int i = 0; i < 6; i++) {
            if (i != 2) {
                assertTrue(results.get(i).record() != null, "sign-up " + i + " is stored");
            }
        }
        assertEquals(5L, (long) stores.store.read(T, em -> em.createQuery("SELECT COUNT(r) FROM LeadIntakeEntity r",
                Long.class).getSingleResult()));
        long routed = results.stream().filter(r -> r.record() != null && "ROUTED".equals(r.record().get("outcome")
                .asText())).count();
        assertEquals(3, routed, "the rep takes three, their capacity; the others are queued");
        IntakeSettings settings = leads.engine.settings(T);
        assertEquals(stores.store.read(T, em -> Reps.load(em, settings)).loads(),
                leads.engine.reps(T, settings).loads());
        assertEquals(3, leads.engine.reps(T, settings).loads().get(rep));
    }

    @Test
    void aPartnerStrategyReadsItsOwnSettingsPartCheckedByItAloneBesideTheShippedRules() {
        java.util.List<Map<String, Object>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.revos.api.leads.LeadFilter partner = new org.revos.api.leads.LeadFilter() {
            @Override
            public org.revos.api.leads.FilterVerdict check(org.revos.api.leads.SignUp signUp,
                    org.revos.api.leads.FilterContext context) {
                seen.add(context.settings());
                String tld = (String) context.settings().get("blockTld");
                return tld != null && signUp.domain().endsWith("." + tld)
                        ? org.revos.api.leads.FilterVerdict.divert("self-serve", "student", "a university")
                        : org.revos.api.leads.FilterVerdict.pass();
            }

            @Override
            public Map<String, String> validate(Map<String, Object> settings) {
                Map<String, String> out = new HashMap<>();
                settings.keySet().stream().filter(k -> !k.equals("blockTld")).forEach(k -> out.put(k,
                        "is not a setting of the partner filter"));
                return out;
            }
        };
        leads.engine.addFilter(PartnerReference.of(org.revos.api.leads.LeadFilter.class, "com.partner.leads"),
                partner);
        // the partner's own part: the shipped filters (which refuse members they do not know) never see blockTld
        String good = "{\"filters\": {\"minEmployees\": 10}, \"plugins\": {\"com.partner.leads\":"
                + " {\"filters\": {\"blockTld\": \"edu\"}}}}";
        IntakeSettings parsed = IntakeSettings.parse(parseNode(good), new Violations());
        assertEquals(List.of(), leads.engine.validateParts(T, parsed));
        String bad = "{\"plugins\": {\"com.partner.leads\": {\"filters\": {\"colour\": 1}}, \"com.nobody\": {},"
                + " \"bad id!\": {}}, \"filters\": {\"blockTld\": \"edu\"}}";
        Violations v = new Violations();
        IntakeSettings wrong = IntakeSettings.parse(parseNode(bad), v);
        leads.engine.validateParts(T, wrong).forEach(e -> v.add(e.field(), e.message()));
        Set<String> fields = new java.util.TreeSet<>();
        v.list().forEach(e -> fields.add(e.field()));
        assertEquals(Set.of("plugins.bad id!", "plugins.com.partner.leads.filters.colour", "plugins.com.nobody",
                "filters.blockTld"), fields, v.list()::toString);

        settings(good);
        create(Catalog.USER, "{\"name\": \"A\", \"role\": \"AE\", \"segment\": \"SMB\", \"capacity\": 5}");
        JsonNode student = one("{\"email\": \"amy@mit.edu\", \"country\": \"US\", \"employees\": 50}");
        assertEquals("student", student.at("/filter/rule").asText(), student::toString);
        assertEquals(Map.of("blockTld", "edu"), seen.get(0));
        JsonNode small = one("{\"email\": \"bo@tiny.example\", \"country\": \"US\", \"employees\": 5}");
        assertEquals("company-size", small.at("/filter/rule").asText(), "the shipped rules read the shared part");
        assertEquals(parsed.render(), leads.engine.settings(T).render());
        assertTrue(leads.engine.settings(T).render().at("/plugins/com.partner.leads/filters/blockTld").isTextual());
    }

    @Test
    void leadsContactsAndAccountsMadeOutsideIntakeAreDuplicatesKeptCurrentByTheChangeFeed() {
        settings("{\"routing\": {\"roles\": [\"AE\"]}, \"mql\": false}");
        String lead = create(Catalog.LEAD, "{\"email\": \"Ann@Hand.example\"}");
        String account = create(Catalog.ACCOUNT, "{\"name\": \"Prospect\", \"domain\": \"prospect.example\"}");
        String contact = create(Catalog.CONTACT, "{\"name\": \"Cy\", \"accountId\": \"" + account
                + "\", \"email\": \"cy@elsewhere.example\"}");
        JsonNode byEmail = one("{\"email\": \"ann@hand.example\"}");
        assertEquals("duplicate-lead-email", byEmail.at("/filter/rule").asText(), byEmail::toString);
        assertEquals(lead, byEmail.get("duplicateOf").asText());
        assertTrue(byEmail.get("leadId").isNull(), "a duplicate makes no lead");
        JsonNode byDomain = one("{\"email\": \"bo@prospect.example\"}");
        assertEquals("duplicate-account-domain", byDomain.at("/filter/rule").asText(), byDomain::toString);
        assertEquals(account, byDomain.get("duplicateOf").asText());
        JsonNode byContact = one("{\"email\": \"cy@elsewhere.example\"}");
        assertEquals("duplicate-contact-email", byContact.at("/filter/rule").asText(), byContact::toString);
        assertEquals(contact, byContact.get("duplicateOf").asText());
        long reads = leads.engine.existing(T).validThrough;

        // written after the index was read: the change feed names them, the next sign-up reads them again
        String later = create(Catalog.LEAD, "{\"email\": \"dee@later.example\"}");
        stores.store.write(T, caller, tx -> ObjectEngine.patch(tx, Catalog.CONTACT, contact, parseNode(
                "{\"email\": \"cy@moved.example\"}")));
        JsonNode afterLater = one("{\"email\": \"eve@later.example\"}");
        assertEquals("duplicate-lead-domain", afterLater.at("/filter/rule").asText(), afterLater::toString);
        assertEquals(later, afterLater.get("duplicateOf").asText());
        JsonNode moved = one("{\"email\": \"cy@elsewhere.example\"}");
        assertEquals("duplicate-email", moved.at("/filter/rule").asText(), "intake saw this e-mail: its own rule");
        JsonNode old = one("{\"email\": \"fay@elsewhere.example\"}");
        assertEquals("duplicate-domain", old.at("/filter/rule").asText(), old::toString);
        JsonNode fresh = one("{\"email\": \"gus@moved.example\"}");
        assertEquals("duplicate-contact-domain", fresh.at("/filter/rule").asText(), fresh::toString);
        assertTrue(leads.engine.existing(T).validThrough > reads, "kept up to date, not read again");
    }

    private void settings(String json) {
        Violations v = new Violations();
        IntakeSettings parsed = IntakeSettings.parse(parseNode(json), v);
        assertTrue(v.isEmpty(), v.list().toString());
        leads.engine.saveSettings(caller, parseNode(json), parsed);
    }

    private JsonNode one(String json) {
        return leads.engine.intake(caller, List.of(parse(json)), true).get(0).record();
    }

    private static SignUpInput parse(String json) {
        Violations v = new Violations();
        SignUpInput s = SignUpInput.parse(parseNode(json), "", Instant.now(), v);
        assertTrue(v.isEmpty(), v.list().toString());
        return s;
    }

    private JsonNode lead(String id) {
        return stores.store.read(T, em -> ObjectEngine.render(Catalog.LEAD, em.find(
                org.revos.runtime.internal.persistence.LeadEntity.class, id)));
    }

    private String create(ObjectSchema<?> schema, String json) {
        return stores.store.write(T, caller, tx -> ObjectEngine.create(tx, schema, parseNode(json)).get("id")
                .asText());
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> out = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static ObjectNode parseNode(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
