package org.revos.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.revos.api.model.Account;
import org.revos.api.model.Period;
import org.revos.api.model.RevenueEvent;
import org.revos.api.model.Tenant;
import org.revos.api.query.TenantData;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.kpi.ScriptWriter;
import org.revos.runtime.internal.kpi.TenantScripts;
import org.revos.runtime.internal.kpi.Write;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.AuditEntryEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.query.RevosDataService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential test of the credit ledger: generated revenue histories written through the real write path, the
 * credit engine with the real bucket rule bringing the ledger up to date (event by event, and by recomputes after
 * each posted rule version), compared with {@link CreditReference}, a naive reading of DOMAIN §4, at random points:
 * every account's bucket, total, threshold, green instant, near flag and lines, and the ledger's per-rep totals for
 * sampled periods as {@code GET /credit/ledger} computes them.
 */
class CreditLedgerPropertiesTest {

    private static final AtomicLong CLOCK = new AtomicLong();
    private static final AtomicLong TENANTS = new AtomicLong();
    private static final TestStores STORES = new TestStores(CLOCK::get);
    private static final CreditFixture CREDIT = new CreditFixture(STORES.store);
    private static final CreditResource RESOURCE = new CreditResource(CREDIT.engines, CREDIT.engine, null, null);

    @AfterContainer
    static void close() {
        CREDIT.stop();
        STORES.store.close();
    }

    @Provide
    Arbitrary<CreditScripts.Script> histories() {
        return CreditScripts.scripts(30);
    }

    @Property
    void theLedgerIsTheBucketRuleOfTheDomain(@ForAll("histories") CreditScripts.Script script) {
        Tenant tenant = newTenant(script.zone(), script.start());
        ScriptWriter writer = new ScriptWriter(STORES.store, tenant, TenantScripts.CATALOG, CLOCK);
        SplittableRandom random = new SplittableRandom(script.seed());
        for (CreditScripts.Step step : script.steps()) {
            if (step instanceof CreditScripts.Do d) {
                boolean accepted = writer.apply(d.write());
                Statistics.label("writes").collect(d.write().getClass().getSimpleName(), accepted);
            } else if (step instanceof CreditScripts.Around a) {
                Statistics.label("writes").collect("Around", around(tenant, writer, a));
            } else if (step instanceof CreditScripts.Post p) {
                post(tenant, p);
            } else {
                CREDIT.engine.drain(tenant.id(), true);
                assertLedger(tenant, random, "after " + step);
            }
        }
    }

    /**
     * DOMAIN §4's worked example, threshold 10,000 ARR: self-serve 3,000; A +2,000; B +4,000; A +1,500 turns the
     * account green with A 3,500 and B 4,000 green; a later +5,000 by C is green for C.
     */
    @Example
    void theWorkedExampleOfTheDomain() {
        Tenant tenant = newTenant(ZoneId.of("UTC"), Instant.parse("2026-01-01T00:00:00Z"));
        String t = tenant.id();
        CREDIT.version(t, "2020-01-01", "{\"metric\": \"ACCOUNT_ARR\", \"threshold\": 10000}", true);
        String a = create(t, Catalog.USER, "{\"name\": \"A\", \"role\": \"AE\"}");
        String b = create(t, Catalog.USER, "{\"name\": \"B\", \"role\": \"AE\"}");
        String c = create(t, Catalog.USER, "{\"name\": \"C\", \"role\": \"AE\"}");
        String account = create(t, Catalog.ACCOUNT, "{\"name\": \"Acme\", \"ownerId\": \"" + a + "\"}");
        Map<String, String> deal = new HashMap<>();
        for (String rep : List.of(a, b, c)) {
            deal.put(rep, create(t, Catalog.DEAL, "{\"accountId\": \"" + account + "\", \"name\": \"d\","
                    + " \"ownerId\": \"" + rep + "\"}"));
        }
        revenue(t, account, null, "NEW", 3000);
        revenue(t, account, deal.get(a), "EXPANSION", 2000);
        revenue(t, account, deal.get(b), "EXPANSION", 4000);
        CREDIT.engine.drain(t, true);
        assertEquals(Map.of(a, 200_000L, b, 400_000L), sums(t, "ORANGE"));
        assertEquals(Map.of(), sums(t, "GREEN"));
        revenue(t, account, deal.get(a), "EXPANSION", 1500);
        CREDIT.engine.drain(t, true);
        assertEquals(Map.of(a, 350_000L, b, 400_000L), sums(t, "GREEN"), "green credit after the crossing");
        assertEquals(Map.of(), sums(t, "ORANGE"));
        assertEquals("GREEN", STORES.store.read(t, em -> em.find(CreditAccountEntity.class, account)).bucket);
        assertEquals(1_050_000L, STORES.store.read(t, em -> em.find(CreditAccountEntity.class, account)).total);
        assertLedger(tenant, new SplittableRandom(1), "after the crossing");
        revenue(t, account, deal.get(c), "EXPANSION", 5000);
        CREDIT.engine.drain(t, true);
        assertEquals(Map.of(a, 350_000L, b, 400_000L, c, 500_000L), sums(t, "GREEN"));
        assertLedger(tenant, new SplittableRandom(2), "after C's expansion");
    }

    private static Tenant newTenant(ZoneId zone, Instant start) {
        String id = "ten_credit" + TENANTS.incrementAndGet();
        CLOCK.set(start.toEpochMilli());
        STORES.tenant(id, zone.getId());
        return new Tenant(id, id, "USD", zone);
    }

    /**
     * A deal's owner changes around its revenue: back-dated revenue recorded after the change, or future-dated revenue
     * recorded before it.
     *
     * @return whether both writes were accepted
     */
    private static boolean around(Tenant tenant, ScriptWriter writer, CreditScripts.Around a) {
        if (writer.deals.isEmpty()) {
            return false;
        }
        String deal = writer.deals.get(Math.floorMod(a.deal(), writer.deals.size()));
        DealEntity stored = STORES.store.read(tenant.id(), em -> em.find(DealEntity.class, deal));
        if (stored == null) {
            return false;
        }
        Write.Reassign reassign = new Write.Reassign(a.deal(), a.owner());
        try {
            if (a.futureFirst()) {
                revenue(tenant.id(), stored.accountId, deal, Instant.ofEpochMilli(CLOCK.get()).plus(Duration
                        .ofHours(a.hours())), a.arr());
                return writer.apply(reassign);
            }
            boolean reassigned = writer.apply(reassign);
            revenue(tenant.id(), stored.accountId, deal, Instant.ofEpochMilli(CLOCK.get()).minus(Duration.ofHours(
                    a.hours())), a.arr());
            return reassigned;
        } catch (Problem refused) {
            return false;
        }
    }

    /** Posts a version as {@code POST /credit/rules} does: stored, then a recompute of the whole ledger. */
    private static void post(Tenant tenant, CreditScripts.Post p) {
        CLOCK.addAndGet(Duration.ofMinutes(1).toMillis());
        LocalDate today = Instant.ofEpochMilli(CLOCK.get()).atZone(tenant.timeZone()).toLocalDate();
        try {
            CREDIT.version(tenant.id(), today.plusDays(p.inDays()).toString(),
                    Json.MAPPER.writeValueAsString(p.settings()), p.handover());
            new Recompute(CREDIT.engine, CREDIT.engines, tenant.id(), CREDIT.setup(tenant.id()))
                    .run(new CreditFixture.Counting());
        } catch (Exception e) {
            throw new AssertionError("posting " + p, e);
        }
    }

    /** Compares every account's stored credit and sampled ledger totals with the reference. */
    static void assertLedger(Tenant tenant, SplittableRandom random, String when) {
        String t = tenant.id();
        TenantData data = new RevosDataService(STORES.store, null).forTenant(t);
        List<Account> accounts = data.accounts().toList();
        List<RevenueEvent> events = data.revenueEvents(null, null).toList();
        CreditReference reference = new CreditReference(tenant.timeZone(), versions(t), dealOwners(t));
        Map<String, String> handedOverFrom = handedOverFrom(t);
        Map<String, CreditAccountEntity> states = new HashMap<>();
        STORES.store.read(t, em -> em.createQuery("SELECT s FROM CreditAccountEntity s", CreditAccountEntity.class)
                .getResultList()).forEach(s -> states.put(s.id, s));
        Map<String, List<String>> storedLines = new HashMap<>();
        STORES.store.read(t, em -> em.createQuery("SELECT l FROM CreditLineEntity l", CreditLineEntity.class)
                .getResultList()).forEach(l -> storedLines.computeIfAbsent(l.accountId, k -> new ArrayList<>())
                        .add(text(l.revenueEventId, l.dealId, l.ownerId, l.amountCents, l.bucket, l.occurredAt,
                                l.creditedAt)));
        List<CreditReference.AccountState> expected = new ArrayList<>();
        for (Account account : accounts) {
            CreditReference.AccountState want = reference.account(account.id(), account.segment(),
                    handedOverFrom.getOrDefault(account.id(), account.ownerId()), events);
            CreditAccountEntity got = states.get(account.id());
            String what = "account " + account.id() + " " + when;
            if (want == null) {
                assertEquals(null, got == null ? null : got.bucket, "no credit state for " + what);
                continue;
            }
            expected.add(want);
            assertEquals(want.bucket(), got == null ? null : got.bucket, "bucket of " + what);
            assertEquals(want.greenAt() == null ? null : want.greenAt().toEpochMilli(), got.greenAt,
                    "green instant of " + what);
            assertEquals(want.total(), got.total, "total of " + what);
            assertEquals(want.threshold(), got.threshold, "threshold of " + what);
            assertEquals(want.near(), got.nearThreshold, "near flag of " + what);
            List<String> wantLines = new ArrayList<>(want.lines().stream().map(l -> text(l.revenueEventId(),
                    l.dealId(), l.ownerId(), l.amountCents(), l.bucket(), l.occurredAt().toEpochMilli(),
                    l.creditedAt() == null ? null : l.creditedAt().toEpochMilli())).toList());
            List<String> gotLines = new ArrayList<>(storedLines.getOrDefault(account.id(), List.of()));
            wantLines.sort(null);
            gotLines.sort(null);
            assertEquals(String.join("\n", wantLines), String.join("\n", gotLines), "lines of " + what);
        }
        // how often the rule is put to the test: revenue whose deal had another owner when it was recorded
        Statistics.label("checks").collect(events.stream().anyMatch(e -> e.dealId() != null
                && !java.util.Objects.equals(reference.ownerAt(e.dealId(), e.occurredAt()),
                        reference.ownerAt(e.dealId(), e.createdAt()))) ? "a deal's owner at an event's occurrence"
                                + " differs from the one at its recording" : "no such event");
        for (CreditReference.AccountState a : expected) {
            Statistics.label("accounts").collect(a.bucket(), a.lines().stream().anyMatch(l -> l.amountCents() < 0)
                    ? "clawed back" : a.lines().stream().anyMatch(l -> l.creditedAt() != null
                            && !l.creditedAt().equals(l.occurredAt())) ? "spilled" : "");
        }
        for (int i = 0; i < 3; i++) {
            Period period = period(random, tenant.timeZone(), expected);
            Map<String, long[]> want = CreditReference.totals(expected, period.start(tenant.timeZone()),
                    period.end(tenant.timeZone()));
            assertEquals(render(want), render(ledgerTotals(t, period)), "ledger totals of " + period + " " + when);
        }
    }

    /** @return the per-rep totals {@code GET /credit/ledger?period=} answers, in cents */
    private static Map<String, long[]> ledgerTotals(String tenantId, Period period) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add("period", period.toString());
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {
            UriInfo.class }, (proxy, method, args) -> {
                if (method.getName().equals("getQueryParameters")) {
                    return query;
                }
                throw new UnsupportedOperationException(method.getName());
            });
        SecurityContext security = (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
                new Class<?>[] { SecurityContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getUserPrincipal")) {
                        return TestStores.member(tenantId);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        JsonNode answer = RESOURCE.ledger(period.toString(), null, uri, security);
        Map<String, long[]> out = new TreeMap<>();
        for (JsonNode total : answer.path("totals")) {
            long green = total.path("green").decimalValue().movePointRight(2).longValueExact();
            long orange = total.path("orange").decimalValue().movePointRight(2).longValueExact();
            if (green != 0 || orange != 0) {
                out.put(total.path("ownerId").asText(), new long[] { green, orange });
            }
        }
        return out;
    }

    private static String render(Map<String, long[]> totals) {
        StringBuilder out = new StringBuilder();
        totals.forEach((owner, t) -> out.append(owner).append(": green ").append(t[0]).append(", orange ")
                .append(t[1]).append('\n'));
        return out.toString();
    }

    /** A month, quarter or year around a line's instant (or at random). */
    private static Period period(SplittableRandom random, ZoneId zone, List<CreditReference.AccountState> accounts) {
        List<Instant> instants = new ArrayList<>();
        accounts.forEach(a -> a.lines().forEach(l -> instants.add(l.creditedAt() != null && random.nextBoolean()
                ? l.creditedAt() : l.occurredAt())));
        Instant at = instants.isEmpty() || random.nextInt(5) == 0
                ? Instant.parse("2023-01-01T00:00:00Z").plusSeconds(random.nextLong(3L * 366 * 86_400))
                : instants.get(random.nextInt(instants.size()));
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (random.nextInt(3)) {
            case 0 -> new Period(Period.Granularity.MONTH, day.withDayOfMonth(1));
            case 1 -> new Period(Period.Granularity.QUARTER, day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1)
                    .withDayOfMonth(1));
            default -> new Period(Period.Granularity.YEAR, day.withDayOfYear(1));
        };
    }

    /** @return the tenant's rule versions as stored, in the order they were posted, read without the engine */
    private static List<CreditReference.Version> versions(String tenantId) {
        List<CreditRuleVersionEntity> stored = new ArrayList<>(STORES.store.read(tenantId, em -> em.createQuery(
                "SELECT v FROM CreditRuleVersionEntity v", CreditRuleVersionEntity.class).getResultList()));
        stored.sort(Comparator.<CreditRuleVersionEntity>comparingLong(v -> v.createdAt).thenComparing(v -> v.id));
        List<CreditReference.Version> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            JsonNode s = readTree(stored.get(i).settingsJson);
            CreditReference.Metric metric = CreditReference.Metric.valueOf(s.path("metric").asText("ACCOUNT_ARR"));
            Map<String, Long> segments = new HashMap<>();
            s.path("segmentThresholds").fields().forEachRemaining(f -> segments.put(f.getKey(),
                    units(metric, f.getValue())));
            out.add(new CreditReference.Version(LocalDate.parse(stored.get(i).effectiveFrom), i, metric,
                    units(metric, s.path("threshold")), segments, s.path("spillCreditTo").asText("CONTRIBUTORS"),
                    s.path("clawbackDays").asInt(0), s.has("nearThresholdShare")
                            ? s.path("nearThresholdShare").decimalValue() : new BigDecimal("0.8")));
        }
        return out;
    }

    private static long units(CreditReference.Metric metric, JsonNode value) {
        BigDecimal n = value.decimalValue();
        return metric == CreditReference.Metric.ACCOUNT_SEATS ? n.longValueExact()
                : n.movePointRight(2).longValueExact();
    }

    /** @return each deal's owners over time, from its audit history (creation, then every update) */
    private static Map<String, List<CreditReference.Owned>> dealOwners(String tenantId) {
        Map<String, List<CreditReference.Owned>> out = new HashMap<>();
        for (AuditEntryEntity a : audit(tenantId, "DEAL")) {
            if (a.afterJson != null && (a.action.equals("CREATE") || a.action.equals("UPDATE"))) {
                out.computeIfAbsent(a.objectId, k -> new ArrayList<>()).add(new CreditReference.Owned(
                        Instant.ofEpochMilli(a.at), readTree(a.afterJson).path("ownerId").asText(null)));
            }
        }
        return out;
    }

    /** @return the owner each handed-over account had before its first handover */
    private static Map<String, String> handedOverFrom(String tenantId) {
        Map<String, String> out = new HashMap<>();
        for (AuditEntryEntity a : audit(tenantId, "ACCOUNT")) {
            if (a.action.equals("account.handover")) {
                out.putIfAbsent(a.objectId, readTree(a.beforeJson).path("ownerId").asText(null));
            }
        }
        return out;
    }

    private static List<AuditEntryEntity> audit(String tenantId, String type) {
        List<AuditEntryEntity> entries = new ArrayList<>(STORES.store.read(tenantId, em -> em.createQuery(
                "SELECT a FROM AuditEntryEntity a WHERE a.objectType = :t", AuditEntryEntity.class)
                .setParameter("t", type).getResultList()));
        entries.sort(Comparator.<AuditEntryEntity>comparingLong(a -> a.at).thenComparing(a -> a.id));
        return entries;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object... parts) {
        return java.util.Arrays.toString(parts);
    }

    private static String create(String tenantId, ObjectSchema<?> schema, String json) {
        CLOCK.addAndGet(60_000);
        return STORES.store.write(tenantId, TestStores.member(tenantId),
                tx -> ObjectEngine.create(tx, schema, (ObjectNode) readTree(json)).get("id").asText());
    }

    private static void revenue(String tenantId, String account, String deal, Instant occurredAt, long arr) {
        create(tenantId, Catalog.REVENUE_EVENT, "{\"accountId\": \"" + account + "\", \"occurredAt\": \""
                + occurredAt + "\", \"kind\": \"EXPANSION\", \"arrDelta\": " + arr + ", \"dealId\": \"" + deal
                + "\"}");
    }

    private static void revenue(String tenantId, String account, String deal, String kind, long arr) {
        create(tenantId, Catalog.REVENUE_EVENT, "{\"accountId\": \"" + account + "\", \"occurredAt\": \""
                + Instant.ofEpochMilli(CLOCK.get()) + "\", \"kind\": \"" + kind + "\", \"arrDelta\": " + arr
                + (deal == null ? "" : ", \"dealId\": \"" + deal + "\"") + "}");
    }

    private static Map<String, Long> sums(String tenantId, String bucket) {
        Map<String, Long> out = new TreeMap<>();
        STORES.store.read(tenantId, em -> em.createQuery("SELECT l FROM CreditLineEntity l WHERE l.bucket = :b",
                CreditLineEntity.class).setParameter("b", bucket).getResultList())
                .forEach(l -> out.merge(l.ownerId, l.amountCents, Long::sum));
        return out;
    }
}
