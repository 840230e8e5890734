package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revos.blackbox.fuzz.SchemaValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Fuzzes every operation of the served OpenAPI document, on a runtime of its own (the fuzz deletes, revokes and
 * reconfigures, so it shares no process with other tests). For each operation it sends requests made from the
 * document: valid ones (bodies, parameters and headers as the schemas admit them, ids of objects that exist or are
 * made up) and invalid ones (one rule of a body broken, malformed JSON, bad parameters, cursors and headers, wrong
 * content types, missing or wrong keys). It holds the runtime to:
 * <ul>
 * <li>no 5xx, ever;</li>
 * <li>every error is {@code application/problem+json} and matches the document's Problem schema, with the HTTP status
 * in it;</li>
 * <li>every 2xx has a status the operation documents and a body its documented schema admits;</li>
 * <li>a key of a role the document admits is not refused with 403;</li>
 * <li>a valid request is not refused with 400 for what it sent (the document states every rule).</li>
 * </ul>
 * Seeded and bounded by time: {@code -Drevos.fuzz.seconds} (default 100) and {@code -Drevos.fuzz.seed}. The figures are
 * printed and written to {@code target/reliability/fuzz.properties}.
 */
class OpenApiFuzzIT {

    private static final long SECONDS = Long.getLong("revos.fuzz.seconds", 100);
    private static final long SEED = Long.getLong("revos.fuzz.seed", 20261207L);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final String PROBLEM = "application/problem+json";
    /** The longest list of findings a failure message shows. */
    private static final int SHOWN = 400;

    private static RevosProcess process;
    private static Revos revos;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    /** Ids by the path template that lists them ("/deals", "/admin/tenants/{tenantId}/api-keys"). */
    private final Map<String, List<String>> ids = new ConcurrentHashMap<>();
    /** The last next-page cursor each list path answered. */
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Tally tally = new Tally();

    private JsonNode document;
    private JsonNode definitions;
    private SchemaValues values;
    private SchemaRegistry registry;
    private Revos.Tenant tenant;

    @BeforeAll
    static void start() throws Exception {
        process = RevosProcess.start(Map.of());
        revos = new Revos(process);
    }

    @AfterAll
    static void stop() {
        if (process != null) {
            process.close();
        }
    }

    /** Who sends a request. */
    private enum Key {
        PLATFORM, ADMIN, MEMBER, READ_ONLY, NONE, UNKNOWN
    }

    /** One operation of the document. */
    private record Operation(String method, String path, JsonNode node, String access) {
        boolean isRead() {
            return method.equals("GET");
        }

        String name() {
            return method + " " + path;
        }

        /** @return the keys the document says may call it */
        List<Key> admitted() {
            return switch (access) {
                case "PUBLIC" -> List.of(Key.NONE);
                case "PLATFORM" -> List.of(Key.PLATFORM);
                case "AUTHENTICATED" -> List.of(Key.PLATFORM, Key.ADMIN, Key.MEMBER, Key.READ_ONLY);
                case "TENANT_ADMIN" -> List.of(Key.ADMIN);
                default -> isRead() ? List.of(Key.ADMIN, Key.MEMBER, Key.READ_ONLY) : List.of(Key.ADMIN, Key.MEMBER);
            };
        }
    }

    /** A request ready to send, and what was broken in it (null: it is valid). */
    private record Request(Operation operation, Key key, String path, Map<String, String> query,
            Map<String, String> headers, String contentType, byte[] body, String broken) {
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        tenant = revos.newTenant("fuzz");
        document = revos.get(RevosProcess.ADMIN_KEY, "/openapi.json").expect(200);
        definitions = Revos.JSON.readTree(Revos.JSON.writeValueAsString(document.at("/components/schemas"))
                .replace("#/components/schemas/", "#/$defs/"));
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        values = new SchemaValues(document, random, this::idWithPrefix);
        List<Operation> operations = operations();
        seed(operations);

        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        int rounds = 0;
        while (System.nanoTime() < deadline) {
            List<Operation> round = new ArrayList<>(operations);
            Collections.shuffle(round, random);
            for (Operation op : round) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                send(random.nextInt(5) < 2 ? valid(op) : invalid(op));
            }
            rounds++;
        }
        assertEquals(200, revos.get(null, "/health").status(), "the runtime still answers after the fuzz");

        String summary = tally.summary(operations.size(), rounds, SEED, SECONDS);
        System.out.println(summary);
        tally.write(operations, SEED, SECONDS);
        // Refusals of valid requests for what the schema cannot say (an id that does not exist, an end before a
        // start) and operations that need a state the fuzz rarely makes (a dead delivery to retry) are reported in
        // the figures, not failed on.
        assertEquals(List.of(), tally.shown(tally.fiveXx).stream().limit(20).toList(),
                () -> summary + incidents(tally.fiveXx));
        assertEquals(List.of(), tally.shown(tally.violations).stream().limit(20).toList(), summary);
    }

    /**
     * @return the runtime's log lines about each incident a 5xx named, so a failure on a machine whose files are gone
     * (CI) still says where the defect is
     */
    private String incidents(List<String> fiveXx) {
        String log = revos.process().logText();
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher incident = java.util.regex.Pattern.compile("\"incident\":\"([0-9a-f-]{36})\"")
                .matcher(String.join("\n", List.copyOf(fiveXx)));
        while (incident.find()) {
            int at = log.indexOf(incident.group(1));
            if (at >= 0) {
                int start = Math.max(0, log.lastIndexOf('\n', Math.max(0, at - 300)));
                out.append("\n--- runtime log at incident ").append(incident.group(1)).append(" ---\n")
                        .append(log, start, Math.min(log.length(), at + 6_000));
            }
        }
        return out.toString();
    }

    // ---- the document ----

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(),
                        op.getValue().path("x-revos-access").asText("TENANT")));
            }
        }
        return operations;
    }

    private List<JsonNode> parameters(Operation op) {
        List<JsonNode> out = new ArrayList<>();
        op.node().path("parameters").forEach(p -> out.add(values.resolve(p)));
        return out;
    }

    /** Creates a few objects of every kind first, twice, so later requests can name ones that exist. */
    private void seed(List<Operation> operations) {
        for (int pass = 0; pass < 2; pass++) {
            for (Operation op : operations) {
                if (op.method().equals("POST") && !op.path().contains("{") && !op.path().startsWith("/admin")
                        && op.node().at("/requestBody/content/application~1json").isObject()) {
                    for (int i = 0; i < 3; i++) {
                        send(valid(op));
                    }
                }
            }
        }
        for (Operation op : operations) {
            if (op.isRead() && !op.path().contains("{")) {
                send(valid(op));
            }
        }
        for (JsonNode plugin : revos.get(RevosProcess.ADMIN_KEY, "/admin/plugins").expect(200).path("items")) {
            remember("/admin/tenants/{tenantId}/plugins", plugin.path("id").asText());
        }
        for (JsonNode kpi : revos.get(tenant.readOnly(), "/kpis").expect(200).path("items")) {
            remember("/kpis", kpi.path("id").asText());
        }
        remember("/admin/tenants", tenant.id());
        for (String format : List.of("native", "hubspot", "salesforce")) {
            remember("/imports/mappings", format);
        }
    }

    private void remember(String listPath, String id) {
        if (id != null && !id.isBlank()) {
            ids.computeIfAbsent(listPath, k -> Collections.synchronizedList(new ArrayList<>())).add(id);
        }
    }

    private Optional<String> idWithPrefix(String prefix) {
        List<String> known = new ArrayList<>();
        ids.values().forEach(list -> list.stream().filter(id -> id.startsWith(prefix + "_")).forEach(known::add));
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(random.nextInt(known.size())));
    }

    // ---- requests ----

    private Request valid(Operation op) {
        List<Key> admitted = op.admitted();
        Key key = admitted.get(random.nextInt(admitted.size()));
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String path = op.path();
        for (JsonNode p : parameters(op)) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encode(pathValue(op, name, p.path("schema"), false)));
            } else if (in.equals("query") && (p.path("required").asBoolean() || random.nextBoolean())) {
                String value = name.equals("cursor") ? cursors.get(op.path()) : scalarText(p.path("schema"));
                if (value != null) {
                    query.put(name, value);
                }
            } else if (in.equals("header") && name.equals("Idempotency-Key") && random.nextBoolean()) {
                headers.put(name, "fuzz-" + random.nextLong());
            }
        }
        JsonNode content = op.node().at("/requestBody/content");
        String contentType = null;
        byte[] body = null;
        if (content.isObject() && !content.isEmpty()) {
            contentType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            body = validBody(op, contentType, content.get(contentType).path("schema"));
            if (contentType.equals("*/*")) {
                contentType = "text/csv";
            }
        }
        return new Request(op, key, path, query, headers, contentType, body, null);
    }

    private byte[] validBody(Operation op, String contentType, JsonNode schema) {
        if (contentType.equals("application/json") || contentType.endsWith("+json")) {
            return bytes(values.valid(schema).toString());
        }
        if (contentType.startsWith("text/") || contentType.equals("*/*")) {
            return bytes("name,country\nFuzz " + random.nextInt(1000) + ",DE\n");
        }
        byte[] junk = new byte[64 + random.nextInt(512)];
        random.nextBytes(junk);
        return junk;
    }

    /** @return an id of an object that exists (most often) or one that does not, for {name} in op's path */
    private String pathValue(Operation op, String name, JsonNode schema, boolean garbage) {
        if (garbage) {
            return List.of("..", "%2e%2e", "x".repeat(5000), "ab\u0001cd", "%", "'; DROP TABLE deals;--", " ",
                    "deal_" + "0".repeat(26), "日本").get(random.nextInt(9));
        }
        if (schema.has("pattern") && !name.equals("id")) {
            String made = values.valid(schema).asText();
            if (!made.isEmpty()) {
                return made;
            }
        }
        String list = op.path().substring(0, op.path().indexOf("{" + name + "}") - 1);
        if (name.equals("accountId")) {
            list = "/accounts";
        } else if (list.contains("{collection}")) {
            list = "/" + (random.nextBoolean() ? "deals" : "leads");
        } else if (name.equals("tenantId")) {
            list = "/admin/tenants";
        }
        // A plugin or another tenant's key never goes away because of the fuzz: those deletes use made-up ids.
        boolean madeUp = random.nextInt(4) == 0 || (op.method().equals("DELETE") && op.path().startsWith("/admin"));
        List<String> known = ids.get(list);
        if (!madeUp && known != null && !known.isEmpty()) {
            synchronized (known) {
                String id = known.get(random.nextInt(known.size()));
                if (op.method().equals("DELETE") && !op.path().startsWith("/admin")) {
                    known.remove(id);
                }
                return id;
            }
        }
        return "fz_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private String scalarText(JsonNode schema) {
        JsonNode v = values.valid(schema);
        if (v.isArray()) {
            // a query parameter that takes a list takes it repeated (OpenAPI's form style): one value is a list
            if (v.isEmpty()) {
                return null;
            }
            v = v.get(0);
        }
        return v.isTextual() ? v.textValue() : v.isNull() ? "" : v.toString();
    }

    /** @return a request with one thing wrong with it */
    private Request invalid(Operation op) {
        Request base = valid(op);
        boolean hasBody = base.body() != null;
        List<JsonNode> params = parameters(op).stream().filter(p -> !p.path("in").asText().equals("header")).toList();
        int kind = random.nextInt(7);
        if ((kind == 0 || kind == 1) && !hasBody) {
            kind = 2;
        }
        if (kind == 2 && params.isEmpty()) {
            kind = 3;
        }
        switch (kind) {
            case 0 -> {
                if (!"application/json".equals(base.contentType())) {
                    return withBody(base, base.contentType(), new byte[] { 'P', 'K', 3, 4, 0, 0 }, "a broken body");
                }
                SchemaValues.Broken broken = values.invalid(op.node().at(
                        "/requestBody/content/application~1json/schema"));
                return withBody(base, base.contentType(), bytes(broken.value().toString()), "body " + broken.rule());
            }
            case 1 -> {
                String text = List.of("{", "{\"name\": }", "not json", "{\"a\":1,}", "[1,2", "\"unterminated",
                        "{\"name\":\"x\"} trailing", "\uFEFF{}", "[".repeat(5000) + "]".repeat(5000), "",
                        "{\"name\":\"\\ud800\"}", "{\"a\":1,\"a\":2}", "null", "1e999999")
                        .get(random.nextInt(14));
                return withBody(base, "application/json", bytes(text), "malformed JSON " + abbreviate(text));
            }
            case 2 -> {
                JsonNode p = params.get(random.nextInt(params.size()));
                String name = p.path("name").asText();
                if (p.path("in").asText().equals("path")) {
                    String bad = pathValue(op, name, p.path("schema"), true);
                    String path = op.path();
                    for (JsonNode other : params) {
                        String n = other.path("name").asText();
                        if (other.path("in").asText().equals("path")) {
                            path = path.replace("{" + n + "}", encode(n.equals(name) ? bad
                                    : pathValue(op, n, other.path("schema"), false)));
                        }
                    }
                    return new Request(op, base.key(), path, base.query(), base.headers(), base.contentType(),
                            base.body(), "path " + name + " = " + abbreviate(bad));
                }
                String bad = List.of("djE6", "abc", "-1", "0", "99999999999999999999", "1.5", "x".repeat(201),
                        "z".repeat(10_000), "a\u0000b", "\u202e\u0007", "2026-13-45", "%", "true", "[1]")
                        .get(random.nextInt(14));
                Map<String, String> query = new LinkedHashMap<>(base.query());
                query.put(name, bad);
                return new Request(op, base.key(), base.path(), query, base.headers(), base.contentType(),
                        base.body(), "query " + name + " = " + abbreviate(bad));
            }
            case 3 -> {
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                String header = List.of("Idempotency-Key", "Accept", "Content-Type", "If-Match", "X-Forwarded-For")
                        .get(random.nextInt(5));
                String bad = List.of("", "k".repeat(300), "\t", "text/html", "application/xml", "*/*; q=abc",
                        "application/json; charset=klingon").get(random.nextInt(7));
                if (header.equals("Content-Type") && hasBody) {
                    return new Request(op, base.key(), base.path(), base.query(), headers, bad, base.body(),
                            "content type " + abbreviate(bad));
                }
                headers.put(header, bad);
                return new Request(op, base.key(), base.path(), base.query(), headers, base.contentType(),
                        base.body(), "header " + header + ": " + abbreviate(bad));
            }
            case 4 -> {
                Key key = List.of(Key.NONE, Key.UNKNOWN, Key.PLATFORM, Key.READ_ONLY, Key.MEMBER)
                        .get(random.nextInt(5));
                if (op.admitted().contains(key)) {
                    key = Key.UNKNOWN;
                }
                return new Request(op, key, base.path(), base.query(), base.headers(), base.contentType(),
                        base.body(), "key " + key);
            }
            case 5 -> {
                if (hasBody) {
                    return withBody(base, "text/plain", base.body(), "body sent as text/plain");
                }
                return withBody(base, "application/json", bytes("{\"unexpected\": true}"), "a body where none is "
                        + "documented");
            }
            default -> {
                Map<String, String> query = new LinkedHashMap<>(base.query());
                query.put("notAParameter" + random.nextInt(10), "\u0000");
                query.put("limit", List.of("0", "501", "-5", "ten").get(random.nextInt(4)));
                query.put("externalId", "e".repeat(201 + random.nextInt(1000)));
                return new Request(op, base.key(), base.path(), query, base.headers(), base.contentType(),
                        base.body(), "bad paging and filters");
            }
        }
    }

    private static Request withBody(Request base, String contentType, byte[] body, String broken) {
        return new Request(base.operation(), base.key(), base.path(), base.query(), base.headers(), contentType, body,
                broken);
    }

    // ---- sending and judging ----

    private void send(Request request) {
        StringBuilder uri = new StringBuilder("/api/v1").append(request.path());
        String sep = "?";
        for (Map.Entry<String, String> q : request.query().entrySet()) {
            uri.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            sep = "&";
        }
        HttpResponse<String> response;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(process.uri("").toString() + uri))
                    .timeout(Duration.ofSeconds(60))
                    .method(request.operation().method(), request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            String key = switch (request.key()) {
                case PLATFORM -> RevosProcess.ADMIN_KEY;
                case ADMIN -> tenant.admin();
                case MEMBER -> tenant.member();
                case READ_ONLY -> tenant.readOnly();
                case UNKNOWN -> "rvs_not-a-key-" + random.nextInt(1000);
                case NONE -> null;
            };
            if (key != null) {
                builder.header("Authorization", "Bearer " + key);
            }
            request.headers().forEach(builder::header);
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException unsendable) {
            return; // a header value the HTTP client itself refuses to send
        } catch (IOException e) {
            tally.fiveXx.add(describe(request, -1, "no answer: " + e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        judge(request, response);
    }

    private void judge(Request request, HttpResponse<String> response) {
        Operation op = request.operation();
        int status = response.statusCode();
        tally.count(request.broken() == null);
        if (status >= 500) {
            tally.fiveXx.add(describe(request, status, response.body()));
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = parse(response.body());
        if (status >= 300) {
            if (!contentType.startsWith(PROBLEM) || body == null || body.path("status").asInt() != status) {
                tally.violations.add(describe(request, status, "not a problem document (" + contentType + "): "
                        + abbreviate(response.body())));
            } else {
                List<Error> errors = schema("Problem", definitions.get("Problem")).validate(body);
                if (!errors.isEmpty()) {
                    tally.violations.add(describe(request, status, "problem document off its schema: " + errors));
                }
            }
            if (request.broken() == null && status == 403 && op.admitted().contains(request.key())) {
                tally.violations.add(describe(request, status, "refused a " + request.key()
                        + " key the document admits: " + abbreviate(response.body())));
            }
            if (request.broken() == null && status == 400) {
                tally.validRefused.add(describe(request, status, abbreviate(response.body())));
            }
            return;
        }
        if (request.broken() != null) {
            tally.invalidAccepted++;
            tally.acceptedBroken.merge(op.name() + " ← " + request.broken().replaceAll("\\d+", "N"), 1,
                    Integer::sum);
        } else {
            tally.answered.add(op.name());
        }
        JsonNode responses = op.node().path("responses");
        String documented = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : null;
        if (documented == null) {
            tally.violations.add(describe(request, status, "status not documented; documented: "
                    + iterable(responses.fieldNames())));
            return;
        }
        JsonNode json = responses.get(documented).path("content").path("application/json").path("schema");
        if (json.isMissingNode() || json.isEmpty()) {
            return;
        }
        if (body == null) {
            tally.violations.add(describe(request, status, "documented JSON, answered " + contentType + ": "
                    + abbreviate(response.body())));
            return;
        }
        List<Error> errors = schema(op.name() + " " + documented, json).validate(body);
        if (!errors.isEmpty()) {
            tally.violations.add(describe(request, status, "body off its schema: " + abbreviate(errors.toString())
                    + " in " + abbreviate(body.toString())));
        }
        learn(request, body);
    }

    /** Keeps the ids a creation answered and the cursor a list answered, for later requests. */
    private void learn(Request request, JsonNode body) {
        Operation op = request.operation();
        if (op.method().equals("POST") && body.path("id").isTextual() && !op.path().endsWith("/run")
                && !op.path().endsWith("/retry") && !op.path().endsWith("/resume")) {
            remember(op.path(), body.get("id").asText());
        }
        if (op.isRead() && body.path("next").isTextual()) {
            cursors.put(op.path(), body.get("next").asText());
        }
        if (op.isRead() && body.path("items").isArray() && !op.path().contains("{")) {
            List<String> known = ids.get(op.path());
            if (known == null || known.size() < 5) {
                body.get("items").forEach(item -> {
                    if (item.path("id").isTextual()) {
                        remember(op.path(), item.get("id").asText());
                    }
                });
            }
        }
    }

    private Schema schema(String name, JsonNode schema) {
        return schemas.computeIfAbsent(name, n -> {
            ObjectNode root = Revos.JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            try {
                JsonNode rewritten = Revos.JSON.readTree(Revos.JSON.writeValueAsString(schema)
                        .replace("#/components/schemas/", "#/$defs/"));
                root.set("allOf", Revos.JSON.createArrayNode().add(rewritten));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            root.set("$defs", definitions);
            return registry.getSchema(root);
        });
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Revos.JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String describe(Request r, int status, String what) {
        String body = r.body() == null ? "" : " body " + abbreviate(new String(r.body(), StandardCharsets.UTF_8));
        return r.operation().name() + " -> " + status + " [" + (r.broken() == null ? "valid" : r.broken()) + "; key "
                + r.key() + "; " + abbreviate(r.path()) + " " + abbreviate(r.query().toString()) + body + "]: " + what;
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("[\\x00-\\x1f]", "·");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…(" + flat.length() + " chars)";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** What the fuzz saw. */
    private static final class Tally {
        final List<String> fiveXx = Collections.synchronizedList(new ArrayList<>());
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final List<String> validRefused = Collections.synchronizedList(new ArrayList<>());
        final java.util.Set<String> answered = ConcurrentHashMap.newKeySet();
        long valid;
        long invalid;
        long invalidAccepted;
        /** "operation ← what was broken" → how often the broken request was answered 2xx */
        final Map<String, Integer> acceptedBroken = new ConcurrentHashMap<>();

        void count(boolean isValid) {
            if (isValid) {
                valid++;
            } else {
                invalid++;
            }
        }

        List<String> untested(List<Operation> operations) {
            return operations.stream().map(Operation::name).filter(n -> !answered.contains(n)).toList();
        }

        List<String> shown(List<String> findings) {
            Map<String, String> firstPerKind = new TreeMap<>();
            for (String f : findings) {
                firstPerKind.putIfAbsent(f.substring(0, f.indexOf(" [")) + f.substring(f.indexOf("]: ")), f);
            }
            return firstPerKind.values().stream().limit(SHOWN).toList();
        }

        /** @return "count operation" lines, most refused first */
        java.util.stream.Stream<String> refusedByOperation() {
            Map<String, Integer> counts = new TreeMap<>();
            for (String f : List.copyOf(validRefused)) {
                counts.merge(f.substring(0, f.indexOf(" -> ")), 1, Integer::sum);
            }
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> e.getValue() + " " + e.getKey());
        }

        String summary(int operations, int rounds, long seed, long seconds) {
            return "OpenAPI fuzz (seed " + seed + ", " + seconds + " s): " + operations + " operations, " + rounds
                    + " rounds, " + (valid + invalid) + " requests (" + valid + " valid, " + invalid + " invalid); "
                    + fiveXx.size() + " 5xx; " + violations.size() + " schema violations; " + validRefused.size()
                    + " valid requests refused with 400; " + invalidAccepted + " invalid requests answered 2xx; "
                    + answered.size() + " of " + operations + " operations answered 2xx to a valid request";
        }

        void write(List<Operation> operations, long seed, long seconds) throws IOException {
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("revos.reliability.dir",
                    "target/reliability"));
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("fuzz.properties"), String.join("\n",
                    "seed=" + seed, "seconds=" + seconds, "operations=" + operations.size(),
                    "requests=" + (valid + invalid), "valid=" + valid, "invalid=" + invalid,
                    "fiveXx=" + fiveXx.size(), "schemaViolations=" + violations.size(),
                    "validRefused=" + validRefused.size(), "invalidAccepted=" + invalidAccepted,
                    "operationsAnswered2xx=" + answered.size()) + "\n");
            java.nio.file.Files.write(dir.resolve("fuzz-findings.txt"), java.util.stream.Stream.of(
                    java.util.stream.Stream.of("# 5xx"), shown(fiveXx).stream(),
                    java.util.stream.Stream.of("# schema violations"), shown(violations).stream(),
                    java.util.stream.Stream.of("# valid requests refused, by operation"), refusedByOperation(),
                    java.util.stream.Stream.of("# valid requests refused"), shown(validRefused).stream(),
                    java.util.stream.Stream.of("# invalid requests answered 2xx, by operation and what was broken"),
                    new TreeMap<>(acceptedBroken).entrySet().stream().map(e -> e.getValue() + " " + e.getKey()),
                    java.util.stream.Stream.of("# never answered 2xx to a valid request"),
                    untested(operations).stream()).flatMap(x -> x).toList());
        }
    }
}
