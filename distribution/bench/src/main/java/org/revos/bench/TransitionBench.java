package org.revos.bench;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stage transitions per second through the REST API against plain deal PATCHes, on one RevOS started for it with the
 * default lifecycle plugin. Each client owns its own deals, so no two clients write the same row: a transition
 * client moves its deals back and forth between Qualification and Opportunity (every move checked against the
 * stage's requirements and written with its history row and audit entry), a PATCH client renames its deals (the deal
 * row and its audit entry). Both share most of the request path, which the JIT compiles during the first load: so
 * the server first gets one warm-up of transitions alone, then PATCH is measured, then transitions, each after its
 * own warm-up, with the same clients and windows.
 */
public final class TransitionBench {

    /** What the two windows showed, and how many stage transitions the deals' histories hold afterwards. */
    public record Result(int deals, LoadGenerator.Result patch, LoadGenerator.Result transitions,
            long transitionsRecorded) {

        /** @return transitions per second over PATCHes per second */
        public double ratio() {
            return transitions.perSecond() / patch.perSecond();
        }
    }

    static final int DEALS_PER_CLIENT = 8;
    private static final String[] STAGES = { "OPPORTUNITY", "QUALIFICATION" };

    private final LoadGenerator load;
    private final int clients;

    public TransitionBench(LoadGenerator load, int clients) {
        this.load = load;
        this.clients = clients;
    }

    public Result measure(Launcher launcher, Path home) throws Exception {
        try (RunningServer server = launcher.runtime(home, List.of(), false)) {
            RestClient rest = new RestClient(server);
            String key = Seeder.tenantKey(rest, launcher.adminKey(), "Transitions bench");
            String account = rest.create(key, "/api/v1/accounts", Map.of("name", "Bench account")).get("id").asText();
            List<String> deals = new ArrayList<>();
            for (int i = 0; i < clients * DEALS_PER_CLIENT; i++) {
                deals.add(rest.create(key, "/api/v1/deals", Map.of("accountId", account, "name", "Moving deal " + i,
                        "properties", Map.of("stakeholders", "CFO", "timeline", "Q3", "budgetRange", "10-50k")))
                        .get("id").asText());
            }
            load.withWindow(Duration.ZERO).run(server, client -> new Moves(server, key, own(deals, client)));
            LoadGenerator.Result patch = load.run(server, client -> new Renames(server, key, own(deals, client)));
            LoadGenerator.Result moves = load.run(server, client -> new Moves(server, key, own(deals, client)));
            return new Result(deals.size(), patch, moves, recorded(rest, key, deals));
        }
    }

    private List<String> own(List<String> deals, int client) {
        return deals.subList(client * DEALS_PER_CLIENT, (client + 1) * DEALS_PER_CLIENT);
    }

    /** @return the moves the deals' histories hold, their first placement not counted */
    private static long recorded(RestClient rest, String key, List<String> deals) throws Exception {
        long moves = 0;
        for (String deal : deals) {
            String cursor = null;
            do {
                var answer = rest.get(key, "/api/v1/deals/" + deal + "/transitions?limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                JsonNode page = RestClient.JSON.readTree(answer.body());
                moves += page.get("items").size();
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
            } while (cursor != null);
            moves--;
        }
        return moves;
    }

    /** One client's deals, taken in turn; each request moves the next deal to the stage it is not in. */
    private static final class Moves implements LoadGenerator.Requests {
        private final RunningServer server;
        private final String key;
        private final List<String> deals;
        private final int[] moved;
        private int next;

        Moves(RunningServer server, String key, List<String> deals) {
            this.server = server;
            this.key = key;
            this.deals = deals;
            this.moved = new int[deals.size()];
        }

        @Override
        public HttpRequest next() {
            int i = next++ % deals.size();
            String body = "{\"toStage\": \"" + STAGES[moved[i]++ % 2] + "\"}";
            return request(server, key, "/api/v1/deals/" + deals.get(i) + "/transitions", "POST", body);
        }
    }

    /** One client's deals, taken in turn; each request gives the next deal a new name. */
    private static final class Renames implements LoadGenerator.Requests {
        private final RunningServer server;
        private final String key;
        private final List<String> deals;
        private int next;

        Renames(RunningServer server, String key, List<String> deals) {
            this.server = server;
            this.key = key;
            this.deals = deals;
        }

        @Override
        public HttpRequest next() {
            int n = next++;
            String body = "{\"name\": \"Renamed deal " + n + "\"}";
            return request(server, key, "/api/v1/deals/" + deals.get(n % deals.size()), "PATCH", body);
        }
    }

    private static HttpRequest request(RunningServer server, String key, String path, String method, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
