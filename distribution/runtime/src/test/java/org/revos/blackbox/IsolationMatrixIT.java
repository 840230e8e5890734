package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.revos.blackbox.fuzz.SchemaValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A tenant × role isolation matrix driven by the served OpenAPI document, on a runtime of its own. Two tenants, A and
 * B, each with an ADMIN, a MEMBER and a READ_ONLY key and objects of every kind (users, accounts, contacts, leads,
 * deals, activities, revenue events, goals, property definitions, initiatives, checklist items, webhooks with a dead
 * delivery, sync definitions, an import job, a credit rule and its recompute job, import mappings, KPI settings).
 * Everything of A carries a marker in its text and amounts of 7,777,777, so A's data is recognisable wherever it
 * turns up. Then:
 * <ul>
 * <li><b>by id</b>: every operation with a path id, with A's ids (and for two ids, B's first and A's second), with
 * each of B's keys: reads, updates, deletes, sub-resources and actions. Any 2xx is a leak, and so is an answer that
 * tells A's object from an unknown id (the same request with a made-up id of the same kind must answer alike);</li>
 * <li><b>lists</b>: every GET of the document as B, with each of B's keys, with B's own ids in the path (every KPI
 * too): no answer may hold an id, an externalId or the marker of A, nor an amount of A's size;</li>
 * <li><b>filters</b>: every id and externalId filter of every GET set to A's value: a list must come back empty;</li>
 * <li><b>references</b>: every create and patch member that names another object (the document says which, by its
 * id pattern) set to an id of A: any 2xx is a leak;</li>
 * <li><b>idempotency</b>: B's keys reuse the Idempotency-Key and body of A's creation: they must get objects of
 * their own, never A's answer;</li>
 * <li><b>writes</b>: A's view of everything (every GET, with A's admin key) is read before and after all of B's
 * requests: nothing of it may change, and B's tenant-wide settings read the same before and after A's were set;</li>
 * <li><b>roles</b>: every operation with every key it does not admit (no key, the platform admin key on tenant
 * operations, a READ_ONLY key on writes, MEMBER and READ_ONLY on ADMIN operations, tenant keys on platform
 * operations), on A's own objects with valid bodies: anything but 401 or 403 is a violation.</li>
 * </ul>
 * It fails on any leak, role violation or 5xx, and on any operation with a path id it cannot fill (a new endpoint
 * must join the matrix). The figures go to {@code target/reliability/isolation.properties}.
 */
class IsolationMatrixIT {

    /** In every text of tenant A, in lower case so that lower-cased emails carry it too. */
    private static final String MARK = "alphaqz";
    /** Every amount of tenant A; B's amounts are 100. An amount of a million or more in B's answers is A's. */
    private static final long A_AMOUNT = 7_777_777;
    private static final BigDecimal A_SIZED = BigDecimal.valueOf(1_000_000);
    private static final String PLUGIN = "org.revos.kpi.funnel";
    private static final Pattern ID_PREFIX = Pattern.compile("\\(([a-z]+)_\\.\\.\\.\\)");
    private static final Pattern ID_PATTERN = Pattern.compile("^\\^([a-z]+)_\\[");
    /** Path parameters that name objects a tenant owns; the others name shared things (plugins, KPIs, formats). */
    private static final Set<String> OWNED = Set.of("id", "accountId", "deliveryId", "tenantId", "keyId");
    /** Query parameters that filter by another object's id, and the kind of object they name. */
    private static final Map<String, String> ID_FILTERS = Map.ofEntries(Map.entry("ownerId", "/users"),
            Map.entry("userId", "/users"), Map.entry("accountId", "/accounts"), Map.entry("dealId", "/deals"),
            Map.entry("leadId", "/leads"), Map.entry("contactId", "/contacts"),
            Map.entry("initiativeId", "/adoption/initiatives"), Map.entry("definitionId", "/sync/definitions"),
            Map.entry("objectId", "/accounts"));

    private record Op(String method, String path, JsonNode node, String access) {
        String name() {
            return method + " " + path;
        }

        boolean read() {
            return method.equals("GET");
        }

        /** @return the roles the document admits: PLATFORM, ADMIN, MEMBER, READ_ONLY or NONE */
        Set<String> admitted() {
            return switch (access) {
                case "PUBLIC" -> Set.of("NONE", "PLATFORM", "ADMIN", "MEMBER", "READ_ONLY");
                case "AUTHENTICATED" -> Set.of("PLATFORM", "ADMIN", "MEMBER", "READ_ONLY");
                case "PLATFORM" -> Set.of("PLATFORM");
                case "TENANT_ADMIN" -> Set.of("ADMIN");
                default -> read() ? Set.of("ADMIN", "MEMBER", "READ_ONLY") : Set.of("ADMIN", "MEMBER");
            };
        }

        List<String> pathParams() {
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    /** A request: method, path with its query, and body (JSON text, or CSV / bytes with their type). */
    private record Call(Op op, String uri, String contentType, String body) {
    }

    /** One tenant's keys and objects: ids by the path that lists them, externalIds by the same paths. */
    private static final class Side {
        final Revos.Tenant tenant;
        final String mark;
        final long amount;
        final Map<String, String> ids = new LinkedHashMap<>();
        final Map<String, String> externalIds = new LinkedHashMap<>();
        String keyId;

        Side(Revos.Tenant tenant, String mark, long amount) {
            this.tenant = tenant;
            this.mark = mark;
            this.amount = amount;
        }

        Map<String, String> keys() {
            return Map.of("ADMIN", tenant.admin(), "MEMBER", tenant.member(), "READ_ONLY", tenant.readOnly());
        }

        String key(String role) {
            return switch (role) {
                case "PLATFORM" -> RevosProcess.ADMIN_KEY;
                case "NONE" -> null;
                default -> keys().get(role);
            };
        }
    }

    private Revos revos;
    private JsonNode document;
    private SchemaValues values;
    private Side a;
    private Side b;
    /** Everything that names A: ids, externalIds, the marker. */
    private final Set<String> aValues = new LinkedHashSet<>();

    private final Map<String, Integer> probes = new TreeMap<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> fiveXx = new ArrayList<>();
    private final Set<String> unfilled = new TreeSet<>();
    private int reads;
    /** Answers compared before and after B's requests (A's views, B's settings): read, not sent by the matrix. */
    private int compared;

    @Test
    void noTenantReachesAnotherAndNoRoleGoesBeyondItsOwn() throws Exception {
        try (Receiver hook = new Receiver(); RevosProcess process = RevosProcess.start(Map.of())) {
            revos = new Revos(process);
            document = revos.get(RevosProcess.ADMIN_KEY, "/openapi.json").expect(200);
            values = new SchemaValues(document, new Random(20261207L), prefix -> Optional.empty());
            List<Op> ops = operations();

            b = new Side(revos.newTenant("bravo"), "bravo", 100);
            seed(b, hook);
            Map<String, JsonNode> bSettings = settings(b);
            a = new Side(revos.newTenant(MARK + " tenant"), MARK, A_AMOUNT);
            seed(a, hook);
            aValues.add(MARK);
            aValues.add(a.tenant.id());
            aValues.add(a.keyId);
            aValues.addAll(a.ids.values());
            aValues.addAll(a.externalIds.values());

            Map<String, String> first = view(ops, a);
            Thread.sleep(1000);
            Map<String, String> before = view(ops, a);
            Set<String> stable = new LinkedHashSet<>();
            before.forEach((k, v) -> {
                if (v.equals(first.get(k))) {
                    stable.add(k);
                }
            });

            byId(ops);
            lists(ops);
            filters(ops);
            references(ops);
            idempotency();

            Map<String, JsonNode> bSettingsAfter = settings(b);
            bSettings.forEach((path, seen) -> {
                compared++;
                if (!seen.equals(bSettingsAfter.get(path))) {
                    leaks.add("B's " + path + " changed when A set its own: " + seen + " -> " + bSettingsAfter.get(path));
                }
            });
            Map<String, String> after = view(ops, a);
            for (String k : stable) {
                compared++;
                if (!before.get(k).equals(after.get(k))) {
                    leaks.add("B's requests changed A's " + k + ": " + abbreviate(before.get(k)) + " -> "
                            + abbreviate(after.get(k)));
                }
            }

            roles(ops);
            assertEquals(200, revos.get(null, "/health").status());

            int requests = probes.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("operations", ops.size());
            figures.put("requests", requests);
            figures.put("leaks", leaks.size());
            figures.put("roleViolations", violations.size());
            figures.put("fiveXx", fiveXx.size());
            figures.put("viewsComparedBeforeAfter", stable.size() + " of " + before.size());
            figures.put("readsOfAsView", reads);
            figures.put("answersComparedBeforeAfter", compared);
            probes.forEach((k, v) -> figures.put("requests." + k.replace(' ', '_').replace("'", ""), v));
            answers.forEach((k, v) -> figures.put("statuses." + k.replace(' ', '_'), v.toString().replace(" ", "")));
            Figures.write("isolation.properties", figures);
            assertEquals(List.of(), unfilled.stream().toList(), "operations the matrix cannot fill in");
            assertEquals(List.of(), fiveXx.stream().limit(20).toList(), "5xx");
            assertEquals(List.of(), leaks.stream().limit(30).toList(), leaks.size() + " leaks");
            assertEquals(List.of(), violations.stream().limit(30).toList(), violations.size() + " role violations");
            assertTrue(requests > 300, "the matrix ran: " + probes);
        }
    }

    // ---- the document ----

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> op = it.next();
                ops.add(new Op(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue(),
                        op.getValue().path("x-revos-access").asText("TENANT")));
            }
        }
        return ops;
    }

    private List<JsonNode> queryParams(Op op) {
        List<JsonNode> out = new ArrayList<>();
        op.node().path("parameters").forEach(p -> {
            JsonNode param = values.resolve(p);
            if (param.path("in").asText().equals("query")) {
                out.add(param);
            }
        });
        return out;
    }

    /** @return the JSON body schema of op, or a missing node */
    private JsonNode bodySchema(Op op) {
        return values.resolve(op.node().at("/requestBody/content/application~1json/schema"));
    }

    // ---- seeding ----

    private String create(Side s, String key, String path, Map<String, Object> body) {
        JsonNode created = revos.post(key, path, body).expect(201);
        String id = created.get("id").asText();
        s.ids.put(path, id);
        if (path.equals("/leads/intake")) {
            // the lead intake made: signals re-score only such leads
            s.ids.put("/leads/intake#lead", created.get("leadId").asText());
        }
        if (body.get("externalId") instanceof String ext) {
            s.externalIds.put(path, ext);
        }
        return id;
    }

    /** The body that creates an object of the collection at {@code path} for tenant s (its own references). */
    private static Map<String, Object> creation(Side s, String path, String receiver) {
        String m = s.mark;
        Map<String, String> ids = s.ids;
        Map<String, Object> body = new LinkedHashMap<>();
        switch (path) {
            case "/users" -> body.putAll(Map.of("name", m + " rep", "role", "AE", "email", m + ".rep@example.com",
                    "externalId", m + "-usr"));
            case "/webhooks" -> body.putAll(Map.of("url", receiver, "events", List.of("org/revos/object/*"),
                    "maxAttempts", 1, "ownerId", ids.get("/users")));
            case "/accounts" -> body.putAll(Map.of("name", m + " account", "externalId", m + "-acc", "country", "DE",
                    "ownerId", ids.get("/users"), "domain", m + ".example.com"));
            case "/contacts" -> body.putAll(Map.of("name", m + " contact", "accountId", ids.get("/accounts"), "email",
                    m + ".contact@example.com", "externalId", m + "-con"));
            case "/leads" -> body.putAll(Map.of("name", m + " lead", "company", m + " corp", "email",
                    m + ".lead@example.com", "externalId", m + "-lead", "ownerId", ids.get("/users")));
            case "/deals" -> body.putAll(Map.of("accountId", ids.get("/accounts"), "name", m + " deal", "arr",
                    s.amount, "ownerId", ids.get("/users"), "externalId", m + "-deal"));
            case "/activities" -> body.putAll(Map.of("type", "CALL", "subject", m + " call", "accountId",
                    ids.get("/accounts"), "dealId", ids.get("/deals"), "userId", ids.get("/users"), "externalId",
                    m + "-act"));
            case "/revenue-events" -> body.putAll(Map.of("accountId", ids.get("/accounts"), "dealId",
                    ids.get("/deals"), "kind", "NEW", "arrDelta", s.amount, "seatsDelta", 3, "occurredAt",
                    "2026-03-01T00:00:00Z", "externalId", m + "-rev"));
            case "/goals" -> body.putAll(Map.of("kpi", "recurring_revenue", "period", "2026", "target", s.amount,
                    "externalId", m + "-goal"));
            case "/properties" -> body.putAll(Map.of("objectType", "DEAL", "key", m + "Key", "type", "STRING",
                    "description", m + " property", "externalId", m + "-prop"));
            case "/adoption/initiatives" -> body.putAll(Map.of("name", m + " initiative", "ownerId",
                    ids.get("/users"), "externalId", m + "-ini"));
            case "/adoption/items" -> body.putAll(Map.of("initiativeId", ids.get("/adoption/initiatives"), "tactic",
                    "DEFINE", "text", m + " item", "externalId", m + "-item"));
            case "/sync/definitions" -> body.putAll(Map.of("objectType", "ACCOUNT", "source", m + " erp",
                    "direction", "ONE_WAY_OUT", "intervalMinutes", 1440, "location", m + "/accounts.csv", "ownerId",
                    ids.get("/users"), "maxAttempts", 1));
            case "/credit/rules" -> body.putAll(Map.of("effectiveFrom", "2020-01-01", "threshold", s.amount));
            case "/leads/intake" -> body.putAll(Map.of("email", m + ".signup@" + m + "-corp.example", "company",
                    m + " corp", "country", "DE", "employees", 250, "title", m + " VP"));
            case "/admin/tenants" -> body.put("name", m + " another");
            default -> {
                return null;
            }
        }
        return body;
    }

    private void seed(Side s, Receiver hook) {
        String admin = s.tenant.admin();
        String member = s.tenant.member();
        for (String path : List.of("/users", "/webhooks", "/accounts", "/contacts", "/leads", "/leads/intake", "/deals",
                "/activities",
                "/revenue-events", "/goals", "/properties", "/adoption/initiatives", "/adoption/items",
                "/sync/definitions")) {
            boolean adminOnly = path.equals("/webhooks") || path.equals("/properties")
                    || path.equals("/sync/definitions");
            Map<String, Object> body = creation(s, path, hook.url());
            if (path.equals("/accounts")) {
                // A's account is created with an Idempotency-Key that B's keys reuse later.
                JsonNode created = revos.send(member, "POST", path, body, Map.of("Idempotency-Key", "shared-key"))
                        .expect(201);
                s.ids.put(path, created.get("id").asText());
                s.externalIds.put(path, (String) body.get("externalId"));
                continue;
            }
            create(s, adminOnly ? admin : member, path, body);
        }
        String csv = "externalId,name,country\n" + s.mark + "-imp," + s.mark + " imported,DE\n";
        String job = revos.sendBytes(member, "POST", "/imports?object=accounts", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv").expect(202).get("id").asText();
        s.ids.put("/imports", job);
        JsonNode rule = revos.post(admin, "/credit/rules", creation(s, "/credit/rules", null)).expect(201);
        s.ids.put("/jobs", rule.path("recomputeJob").asText(job));
        revos.send(admin, "PUT", "/imports/mappings/hubspot", Map.of("stages", Map.of(s.mark + " parked",
                "QUALIFICATION")), Map.of()).expect(200);
        revos.send(admin, "PUT", "/kpi-settings", Map.of("yellowFrom", s == a ? 0.77 : 0.9), Map.of()).expect(200);
        revos.send(admin, "PUT", "/leads/intake/settings", Map.of("mqlScore", s == a ? 77 : 60), Map.of())
                .expect(200);
        s.keyId = revos.get(RevosProcess.ADMIN_KEY, "/admin/tenants/" + s.tenant.id() + "/api-keys").expect(200)
                .at("/items/0/id").asText();

        String webhook = s.ids.get("/webhooks");
        JsonNode dead = Await.until(() -> revos.get(admin, "/webhooks/" + webhook + "/deliveries?status=DEAD")
                .expect(200), d -> d.get("items").size() > 0, Duration.ofSeconds(30));
        assertTrue(dead.get("items").size() > 0, "a dead delivery for " + s.mark + ": " + dead);
        s.ids.put("/webhooks/{id}/deliveries", dead.at("/items/0/id").asText());
        for (String jobId : List.of(job, s.ids.get("/jobs"))) {
            JsonNode done = Await.until(() -> revos.get(member, "/jobs/" + jobId).expect(200),
                    j -> List.of("SUCCEEDED", "FAILED").contains(j.get("status").asText()), Duration.ofSeconds(60));
            assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        }
    }

    /** B's tenant-wide settings: whatever A sets must not show up in them. */
    private Map<String, JsonNode> settings(Side s) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String path : List.of("/kpi-settings", "/imports/mappings/hubspot", "/credit/rules",
                "/leads/intake/settings")) {
            out.put(path, revos.get(s.tenant.admin(), path).expect(200));
        }
        return out;
    }

    // ---- filling in requests ----

    /**
     * @return the value for path parameter {@code name} of op naming {@code owner}'s object, or null when the matrix
     *         has none
     */
    private String pathValue(Op op, String name, Side owner, String collection) {
        return switch (name) {
            case "tenantId" -> owner.tenant.id();
            case "keyId" -> owner.keyId;
            case "pluginId" -> PLUGIN;
            case "kpiId" -> "win_rate";
            case "format" -> "hubspot";
            case "collection" -> collection;
            case "deliveryId" -> owner.ids.get("/webhooks/{id}/deliveries");
            case "accountId" -> owner.ids.get("/accounts");
            case "id" -> {
                String list = op.path().substring(0, op.path().indexOf("/{id}"));
                if (op.path().equals("/leads/{id}/signals")) {
                    yield owner.ids.get("/leads/intake#lead");
                }
                // platform objects, no tenant's: a plugin, the built-in signer of the shipped plugins
                yield list.equals("/admin/plugins") ? PLUGIN
                        : list.equals("/admin/plugin-trust/signers") ? "built-in"
                        : list.equals("/{collection}") ? owner.ids.get("/" + collection) : owner.ids.get(list);
            }
            default -> null;
        };
    }

    /** @return the collections {collection} stands for in op's path, or one null */
    private static List<String> collections(Op op) {
        return op.path().contains("{collection}") ? List.of("leads", "deals") : Collections.singletonList(null);
    }

    /**
     * @param owners for each path parameter, whose object it names; a missing entry means the side {@code dflt}
     * @return the path with its parameters filled in, or null
     */
    private String fill(Op op, Map<String, Side> owners, Side dflt, String collection) {
        String path = op.path();
        for (String name : op.pathParams()) {
            String v = pathValue(op, name, owners.getOrDefault(name, dflt), collection);
            if (v == null) {
                unfilled.add(op.name() + " {" + name + "}");
                return null;
            }
            path = path.replace("{" + name + "}", v);
        }
        return path;
    }

    /** @return the required query parameters of op with a usable value ("?period=2026"), else "" */
    private String requiredQuery(Op op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : queryParams(op)) {
            if (p.path("required").asBoolean()) {
                q.append(q.length() == 0 ? '?' : '&').append(p.get("name").asText()).append('=')
                        .append(p.get("name").asText().equals("period") ? "2026" : "x");
            }
        }
        return q.toString();
    }

    /** The body op takes, valid for {@code s}'s own objects; null when it takes none. */
    private Call call(Op op, String path, Side s, String collection) {
        String uri = path + requiredQuery(op);
        JsonNode content = op.node().at("/requestBody/content");
        if (!content.isObject() || content.isEmpty()) {
            return new Call(op, uri, null, null);
        }
        if (!content.has("application/json")) {
            if (content.has("text/csv")) {
                return new Call(op, uri.contains("?") ? uri : uri + "?object=accounts", "text/csv",
                        "externalId,name\n" + s.mark + "-imp2," + s.mark + " more\n");
            }
            return new Call(op, uri, content.fieldNames().next(), "PK\u0003\u0004");
        }
        Object body;
        String list = op.path();
        if (op.method().equals("POST") && op.path().endsWith("/transitions")) {
            body = "leads".equals(collection) ? Map.of("toStage", "MQL") : Map.of("toStage", "OPPORTUNITY",
                    "properties", Map.of("stakeholders", "CFO", "timeline", "Q4", "budgetRange", "10-50k"));
        } else if (op.path().equals("/admin/tenants/{tenantId}/api-keys")) {
            body = Map.of("name", "intruder", "role", "ADMIN");
        } else if (op.path().equals("/admin/tenants/{tenantId}/plugins/{pluginId}")) {
            body = Map.of("enabled", false);
        } else if (op.path().equals("/imports/mappings/{format}")) {
            body = Map.of("stages", Map.of(s.mark + " other", "QUALIFICATION"));
        } else if (op.path().equals("/kpi-settings")) {
            body = Map.of("yellowFrom", 0.5);
        } else if (op.path().equals("/leads/intake/settings")) {
            body = Map.of("mqlScore", 50);
        } else if (op.method().equals("PATCH")) {
            JsonNode props = bodySchema(op).path("properties");
            String member = List.of("name", "subject", "text", "description").stream().filter(props::has)
                    .findFirst().orElse(null);
            body = member == null ? Map.of("active", false) : Map.of(member, s.mark + " patched");
        } else if (op.method().equals("POST") && creation(s, list, "x") != null) {
            Map<String, Object> created = creation(s, list, "http://127.0.0.1:9/hook");
            created.remove("externalId");
            if (list.equals("/properties")) {
                created.put("key", s.mark + "Other");
            }
            body = created;
        } else {
            body = values.valid(bodySchema(op));
        }
        try {
            return new Call(op, uri, "application/json", Revos.JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Revos.Reply send(String key, Call call, Map<String, String> headers) {
        if (call.contentType() != null && !call.contentType().equals("application/json")) {
            return revos.sendBytes(key, call.op().method(), call.uri(), call.body().getBytes(StandardCharsets.UTF_8),
                    call.contentType());
        }
        return revos.send(key, call.op().method(), call.uri(), call.body(), headers);
    }

    // ---- judging ----

    private void probe(String category) {
        probes.merge(category, 1, Integer::sum);
    }

    /** How the probes of a category were answered, by status: shows what the matrix actually exercised. */
    private final Map<String, Map<Integer, Integer>> answers = new TreeMap<>();

    private void answered(String category, int status, String request, Revos.Reply reply) {
        if (answers.computeIfAbsent(category, k -> new TreeMap<>()).merge(status, 1, Integer::sum) == 1) {
            System.out.println("isolation matrix, first " + category + " answered " + status + ": " + request + " -> "
                    + abbreviate(reply.raw().body()));
        }
    }

    /** Sends a request of B (or of a role probe) and records a 5xx or any trace of A in the answer. */
    private Revos.Reply sendAndCheck(String category, String who, String key, Call call, Map<String, String> headers,
            boolean sizeCheck) {
        probe(category);
        Revos.Reply reply = send(key, call, headers);
        answered(category, reply.status(), who + " " + call.op().method() + " " + call.uri() + " " + call.body(),
                reply);
        String what = category + ": " + who + " " + call.op().method() + " " + call.uri();
        if (reply.status() >= 500) {
            fiveXx.add(what + " -> " + reply.status() + ": " + abbreviate(reply.raw().body()));
        }
        String trace = traceOfA(call, reply);
        if (trace != null) {
            leaks.add(what + " -> " + reply.status() + " answered " + trace + ": " + abbreviate(reply.raw().body()));
        } else if (sizeCheck && reply.body() != null && !call.uri().startsWith("/openapi.json")) {
            BigDecimal big = largest(reply.body());
            if (big.compareTo(A_SIZED) >= 0) {
                leaks.add(what + " -> " + reply.status() + " answered an amount of A's size (" + big + "): "
                        + abbreviate(reply.raw().body()));
            }
        }
        return reply;
    }

    /** @return what of A the answer holds that the request did not send, or null */
    private String traceOfA(Call call, Revos.Reply reply) {
        String body = reply.raw().body();
        if (body == null || body.isEmpty()) {
            return null;
        }
        String sent = (call.uri() + " " + (call.body() == null ? "" : call.body())).toLowerCase(Locale.ROOT);
        String seen = body.toLowerCase(Locale.ROOT);
        for (String v : aValues) {
            if (sent.contains(v.toLowerCase(Locale.ROOT))) {
                seen = seen.replace(v.toLowerCase(Locale.ROOT), "");
            }
        }
        for (String v : aValues) {
            if (seen.contains(v.toLowerCase(Locale.ROOT))) {
                return "\"" + v + "\"";
            }
        }
        return null;
    }

    private static BigDecimal largest(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().abs();
        }
        BigDecimal max = BigDecimal.ZERO;
        for (JsonNode child : node) {
            max = max.max(largest(child));
        }
        return max;
    }

    // ---- the matrix ----

    /** Every operation with a path id, on A's objects, with each of B's keys. */
    private void byId(List<Op> ops) {
        for (Op op : ops) {
            List<String> owned = op.pathParams().stream().filter(OWNED::contains).toList();
            if (owned.isEmpty() || op.path().startsWith("/admin/plugins")
                    || op.path().startsWith("/admin/plugin-trust")) {
                continue;
            }
            for (String collection : collections(op)) {
                List<Map<String, Side>> mixes = new ArrayList<>();
                mixes.add(Map.of());
                if (owned.size() > 1) {
                    mixes.add(Map.of(owned.get(0), b));
                }
                for (Map<String, Side> mix : mixes) {
                    String path = fill(op, mix, a, collection);
                    String unknown = madeUp(fill(op, mix, a, collection), op, mix, collection);
                    if (path == null) {
                        continue;
                    }
                    for (Map.Entry<String, String> key : b.keys().entrySet()) {
                        Call call = call(op, path, b, collection);
                        Revos.Reply reply = sendAndCheck("by id", "B " + key.getKey(), key.getValue(), call,
                                Map.of(), false);
                        if (reply.status() < 300) {
                            leaks.add("by id: B " + key.getKey() + " " + op.method() + " " + path + " -> "
                                    + reply.status() + ": " + abbreviate(reply.raw().body()));
                            continue;
                        }
                        Call control = new Call(op, unknown + requiredQuery(op), call.contentType(), call.body());
                        probe("by id (unknown id)");
                        Revos.Reply other = send(key.getValue(), control, Map.of());
                        if (other.status() != reply.status() || !title(other).equals(title(reply))) {
                            leaks.add("by id: B " + key.getKey() + " " + op.method() + " " + path + " answered "
                                    + reply.status() + " " + title(reply) + ", an unknown id " + other.status() + " "
                                    + title(other) + ": A's object is told apart from none");
                        }
                    }
                }
            }
        }
    }

    /** @return path with A's ids in it replaced by made-up ids of the same kind */
    private String madeUp(String path, Op op, Map<String, Side> mix, String collection) {
        if (path == null) {
            return null;
        }
        String out = path;
        for (String name : op.pathParams()) {
            if (OWNED.contains(name) && !mix.containsKey(name)) {
                String real = pathValue(op, name, a, collection);
                out = out.replace(real, real.substring(0, real.indexOf('_') + 1) + "01AAAAAAAAAAAAAAAAAAAAAAAA");
            }
        }
        return out;
    }

    /** Every GET of the document as B, with B's own ids in the path and each of B's keys. */
    private void lists(List<Op> ops) {
        List<String> kpis = new ArrayList<>();
        revos.get(b.tenant.readOnly(), "/kpis").expect(200).get("items").forEach(k -> kpis.add(k.get("id").asText()));
        for (Op op : ops) {
            if (!op.read()) {
                continue;
            }
            for (String collection : collections(op)) {
                String path = fill(op, Map.of(), b, collection);
                if (path == null) {
                    continue;
                }
                List<String> paths = op.path().equals("/kpis/{kpiId}")
                        ? kpis.stream().map(k -> "/kpis/" + k).toList() : List.of(path);
                for (String p : paths) {
                    for (Map.Entry<String, String> key : b.keys().entrySet()) {
                        sendAndCheck("lists and reads", "B " + key.getKey(), key.getValue(), call(op, p, b,
                                collection), Map.of(), true);
                    }
                }
            }
        }
    }

    /** Every id and externalId filter of every GET, set to A's value, as B. */
    private void filters(List<Op> ops) {
        for (Op op : ops) {
            if (!op.read() || op.access().equals("PLATFORM")) {
                continue;
            }
            for (String collection : collections(op)) {
                String path = fill(op, Map.of(), b, collection);
                if (path == null) {
                    continue;
                }
                for (JsonNode p : queryParams(op)) {
                    String name = p.path("name").asText();
                    String value = name.equals("externalId") ? a.externalIds.get(op.path())
                            : ID_FILTERS.containsKey(name) ? a.ids.get(ID_FILTERS.get(name)) : null;
                    if (value == null) {
                        continue;
                    }
                    Call base = call(op, path, b, collection);
                    String uri = base.uri() + (base.uri().contains("?") ? "&" : "?") + name + "=" + value;
                    Call call = new Call(op, uri, null, null);
                    Revos.Reply reply = sendAndCheck("filters", "B ADMIN", b.tenant.admin(), call, Map.of(), true);
                    if (reply.status() == 200 && reply.body() != null && reply.body().path("items").size() > 0) {
                        leaks.add("filters: B ADMIN GET " + uri + " listed " + reply.body().get("items").size()
                                + " items for A's " + name + ": " + abbreviate(reply.raw().body()));
                    }
                }
            }
        }
    }

    /** Every member of a create or patch that names another object, set to A's object, as B. */
    private void references(List<Op> ops) {
        Map<String, String> aByPrefix = new HashMap<>();
        a.ids.values().forEach(id -> aByPrefix.putIfAbsent(id.substring(0, id.indexOf('_')), id));
        for (Op op : ops) {
            if (op.read() || op.access().equals("PLATFORM") || op.path().endsWith("/transitions")) {
                continue;
            }
            Map<String, String> members = new LinkedHashMap<>();
            JsonNode props = bodySchema(op).path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode schema = values.resolve(member.getValue());
                Matcher byDescription = ID_PREFIX.matcher(schema.path("description").asText());
                Matcher byPattern = ID_PATTERN.matcher(schema.path("pattern").asText());
                String prefix = byDescription.find() ? byDescription.group(1)
                        : byPattern.find() ? byPattern.group(1) : null;
                if (prefix != null && !schema.path("readOnly").asBoolean()) {
                    members.put(member.getKey(), prefix);
                }
            }
            if (props.isEmpty() && op.method().equals("POST") && creation(b, op.path(), "x") != null) {
                // A body the document leaves free: the members of the creation that name B's objects.
                creation(b, op.path(), "x").forEach((name, value) -> {
                    if (name.endsWith("Id") && value instanceof String id && id.contains("_")) {
                        members.put(name, id.substring(0, id.indexOf('_')));
                    }
                });
            }
            for (Map.Entry<String, String> member : members.entrySet()) {
                String prefix = member.getValue();
                String foreign = aByPrefix.get(prefix);
                if (foreign == null) {
                    unfilled.add(op.name() + " body " + member.getKey() + " (" + prefix + "_...)");
                    continue;
                }
                String path = fill(op, Map.of(), b, null);
                if (path == null) {
                    continue;
                }
                Call base = call(op, path, b, null);
                ObjectNode body = (ObjectNode) parse(base.body());
                if (op.method().equals("PATCH")) {
                    body.removeAll();
                }
                body.put(member.getKey(), foreign);
                Call call = new Call(op, base.uri(), "application/json", body.toString());
                Revos.Reply reply = sendAndCheck("references", "B ADMIN", b.tenant.admin(), call, Map.of(), false);
                if (reply.status() < 300) {
                    leaks.add("references: B ADMIN " + op.method() + " " + path + " with " + member.getKey() + " = A's "
                            + foreign + " -> " + reply.status() + ": " + abbreviate(reply.raw().body()));
                }
            }
        }
    }

    /** B's keys reuse the Idempotency-Key and body A created its account with. */
    private void idempotency() {
        Op op = new Op("POST", "/accounts", Revos.object(), "TENANT");
        Call call;
        try {
            call = new Call(op, "/accounts", "application/json", Revos.JSON.writeValueAsString(creation(a, "/accounts",
                    null)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String role : List.of("MEMBER", "ADMIN")) {
            probe("idempotency");
            Revos.Reply reply = send(b.key(role), call, Map.of("Idempotency-Key", "shared-key"));
            JsonNode id = reply.body() == null ? null : reply.body().get("id");
            if (reply.status() >= 500) {
                fiveXx.add("idempotency: B " + role + " -> " + reply.status() + ": " + reply.raw().body());
            } else if (reply.status() < 300 && (id == null || aValues.contains(id.asText())
                    || "true".equals(reply.header("Idempotent-Replayed")))) {
                leaks.add("idempotency: B " + role + " reusing A's Idempotency-Key got A's answer: "
                        + reply.raw().body());
            }
            if (reply.status() == 201) {
                // B's account under A's name would read as A's data in B's lists: it goes at once.
                revos.delete(b.tenant.admin(), "/accounts/" + id.asText()).expect(204);
            }
        }
    }

    /** Every operation with every key the document does not admit to it, on A's own objects. */
    private void roles(List<Op> ops) {
        for (Op op : ops) {
            for (String role : List.of("NONE", "PLATFORM", "ADMIN", "MEMBER", "READ_ONLY")) {
                if (op.admitted().contains(role)) {
                    continue;
                }
                for (String collection : collections(op)) {
                    String path = fill(op, Map.of(), a, collection);
                    if (path == null) {
                        continue;
                    }
                    Call call = call(op, path, a, collection);
                    probe("roles");
                    Revos.Reply reply = send(a.key(role), call, Map.of());
                    answered("roles", reply.status(), role + " " + op.method() + " " + call.uri() + " " + call.body(),
                            reply);
                    String what = "roles: " + role + " " + op.method() + " " + call.uri() + " (" + op.access()
                            + ") -> " + reply.status();
                    if (reply.status() >= 500) {
                        fiveXx.add(what + ": " + abbreviate(reply.raw().body()));
                    } else if (reply.status() != 401 && reply.status() != 403) {
                        violations.add(what + ": " + abbreviate(reply.raw().body()));
                    } else if (role.equals("PLATFORM") && traceOfA(call, reply) != null) {
                        leaks.add(what + " answered A's data: " + abbreviate(reply.raw().body()));
                    }
                }
            }
        }
    }

    /** A's view of everything: every GET a tenant key may make, with A's admin key, by path. */
    private Map<String, String> view(List<Op> ops, Side s) {
        Map<String, String> out = new TreeMap<>();
        for (Op op : ops) {
            if (!op.read() || !(op.access().equals("TENANT") || op.access().equals("TENANT_ADMIN"))) {
                continue;
            }
            for (String collection : collections(op)) {
                String path = fill(op, Map.of(), s, collection);
                if (path == null) {
                    continue;
                }
                String uri = path + requiredQuery(op);
                reads++;
                Revos.Reply reply = revos.get(s.tenant.admin(), uri);
                out.put(uri, reply.status() + " " + reply.raw().body());
            }
        }
        for (Map.Entry<String, String> object : s.ids.entrySet()) {
            if (!object.getKey().contains("{") && !object.getKey().equals("/imports")) {
                String uri = object.getKey() + "/" + object.getValue();
                reads++;
                Revos.Reply reply = revos.get(s.tenant.admin(), uri);
                out.put(uri, reply.status() + " " + reply.raw().body());
            }
        }
        return out;
    }

    private static String title(Revos.Reply reply) {
        return reply.body() == null ? "" : reply.body().path("title").asText();
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? Revos.object() : Revos.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("[\\x00-\\x1f]", " ");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }

    /** A webhook receiver on 127.0.0.1 that refuses every delivery, so each tenant gets a dead one. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
