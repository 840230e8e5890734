package org.revos.stages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.KernelStageHistory;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.objects.Shapers;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.rest.Collections;
import org.revos.runtime.internal.rest.Idempotency;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stage engine as the kernel's object shaper: every creation of a lead or deal (the object engine's one creation
 * path, which REST, imports, sync and engines share) is placed before the kernel renders it, so the answer, the write
 * hooks and the audit entry show the stage; what a creation names is checked like a transition; without the engine a
 * creation naming a stage is refused and one naming none is created without a stage.
 */
class StagePlacementTest {

    private static final String T = "ten_placement";
    private static final Tenant TENANT = new Tenant(T, "Placement", "USD", ZoneId.of("UTC"));
    private static final List<Pipeline> PIPELINES = List.of(
            new Pipeline("sales", ObjectType.DEAL, true, List.of(
                    new Stage("DISCOVERY", "Discovery", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION, List.of(),
                            false),
                    new Stage("PROPOSAL", "Proposal", StageCategory.OPEN, 0.5, BowTiePhase.SELECTION,
                            List.of("budget"), false),
                    new Stage("WON", "Closed Won", StageCategory.WON, 1.0, BowTiePhase.COMMIT, List.of(), false))),
            new Pipeline("partner", ObjectType.DEAL, false, List.of(
                    new Stage("REFERRED", "Referred", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION, List.of(),
                            false))),
            new Pipeline("leads", ObjectType.LEAD, true, List.of(
                    new Stage("RAW", "Raw", StageCategory.OPEN, 0.01, BowTiePhase.AWARENESS, List.of(), false))));

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final StagePlacement placement = StagePlacement.of(new StageEngine(new Collections(store,
            new Idempotency(store)), new KernelStageHistory()), FixedStageModels.of(PIPELINES, List.of("PRICE")),
            tenantId -> TENANT);
    private final Object key = new Object();

    @BeforeEach
    void register() {
        Shapers.add(key, 0, 0, placement);
    }

    @AfterEach
    void close() {
        Shapers.remove(key);
        store.close();
    }

    private String account() {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                json("{'name': 'Globex'}"))).get("id").asText();
    }

    private ObjectNode deal(String account, String extra, boolean derivesRecords) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.DEAL, json("{'accountId': '"
                + account + "', 'name': 'D', 'arr': 1200" + extra + "}"), derivesRecords));
    }

    private List<String> history(String id) {
        return store.read(T, em -> em.createQuery("SELECT t.toStage FROM StageTransitionEntity t WHERE t.objectId"
                + " = :id ORDER BY t.id", String.class).setParameter("id", id).getResultList());
    }

    private String audited(String id, String action) {
        return store.read(T, em -> em.createQuery("SELECT a.afterJson FROM AuditEntryEntity a WHERE a.objectId = :id"
                + " AND a.action = :action", String.class).setParameter("id", id).setParameter("action", action)
                .getSingleResult());
    }

    private long revenueEvents() {
        return store.read(T, em -> em.createQuery("SELECT COUNT(r) FROM RevenueEventEntity r", Long.class)
                .getSingleResult());
    }

    @Test
    void aNewDealIsRenderedInTheFirstStageOfTheDefaultPipeline() {
        ObjectNode created = deal(account(), "", true);
        String id = created.get("id").asText();
        assertEquals("sales", created.get("pipeline").asText(), "the answer shows the placement");
        assertEquals("DISCOVERY", created.get("stage").asText());
        assertEquals(List.of("DISCOVERY"), history(id));
        assertTrue(audited(id, "CREATE").contains("\"stage\":\"DISCOVERY\""), "the audit entry shows it too");
    }

    @Test
    void aCreationNamingAPipelineAndStageIsCheckedLikeATransition() {
        String account = account();
        Problem unmet = assertThrows(Problem.class, () -> deal(account, ", 'stage': 'PROPOSAL'", true));
        assertEquals(422, unmet.status());
        long deals = store.read(T, em -> em.createQuery("SELECT COUNT(d) FROM DealEntity d", Long.class)
                .getSingleResult());
        assertEquals(0, deals, "a refused placement rolls the creation back");
        ObjectNode placed = deal(account, ", 'stage': 'PROPOSAL', 'properties': {'budget': 'yes'}", true);
        assertEquals("PROPOSAL", placed.get("stage").asText());
        assertEquals(List.of("DISCOVERY", "PROPOSAL"), history(placed.get("id").asText()));
        ObjectNode partner = deal(account, ", 'pipeline': 'partner'", true);
        assertEquals("REFERRED", partner.get("stage").asText());
        Problem unknown = assertThrows(Problem.class, () -> deal(account, ", 'pipeline': 'nope'", true));
        assertEquals(400, unknown.status());
        Problem notAnId = assertThrows(Problem.class, () -> deal(account, ", 'stage': 7", true));
        assertEquals("stage", notAnId.errors().get(0).field());
    }

    @Test
    void aDealCreatedWonRecordsItsRevenueUnlessTheWriteBringsItsOwn() {
        String account = account();
        ObjectNode won = deal(account, ", 'stage': 'WON'", true);
        assertEquals("WON", won.get("stage").asText());
        assertEquals(1, revenueEvents());
        ObjectNode imported = deal(account, ", 'stage': 'WON'", false);
        assertEquals("WON", imported.get("stage").asText());
        assertTrue(imported.hasNonNull("closeDate"), "closed that day all the same");
        assertEquals(1, revenueEvents(), "an import whose revenue events come in their own file records none");
    }

    @Test
    void withoutTheEngineACreationNamingAStageIsRefusedAndOneNamingNoneHasNoStage() {
        Shapers.remove(key);
        String account = account();
        Problem refused = assertThrows(Problem.class, () -> deal(account, ", 'stage': 'WON'", true));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("stage"), refused.getMessage());
        assertTrue(refused.errors().get(0).message().contains("org.revos.stages"), refused.errors().toString());
        ObjectNode plain = deal(account, ", 'pipeline': null", true);
        assertNull(plain.get("stage").textValue());
        assertEquals(List.of(), history(plain.get("id").asText()));
    }

    @Test
    void otherObjectsAreLeftAlone() {
        ObjectNode lead = store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.LEAD,
                json("{'email': 'a@example.com'}")));
        assertEquals("RAW", lead.get("stage").asText());
        String account = account();
        assertEquals(List.of(), history(account));
    }
}
