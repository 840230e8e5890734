package org.revos.osgitests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.revos.api.model.ActivityType;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.EntryCriterion;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.spi.StageModel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stage model registered, changed and replaced while the runtime serves requests: every request is checked
 * against the model that is registered at that moment.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class StageModelChangeIT {

    private static final String ADMIN_KEY = "rvs_osgi-integration-test-admin-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @InjectBundleContext
    BundleContext context;

    /**
     * A one-pipeline model of another bundle; {@code required} are the properties its Review stage needs, Won needs
     * at least 10 seats and a meeting, and a won customer may churn.
     */
    private record Model(List<String> required) implements StageModel {
        @Override
        public List<Pipeline> pipelines(Tenant tenant) {
            return List.of(new Pipeline("osgi", ObjectType.DEAL, true, List.of(
                    new Stage("NEW", "New", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION, List.of(), false),
                    new Stage("REVIEW", "Review", StageCategory.OPEN, 0.5, BowTiePhase.SELECTION, required, false),
                    new Stage("WON", "Won", StageCategory.WON, 1.0, BowTiePhase.COMMIT, List.of(), false)
                            .enteredFrom("REVIEW").withEntryCriteria(List.of(
                                    new EntryCriterion.FieldAtLeast("seats", "ten seats or more", "seats", 10),
                                    new EntryCriterion.ActivitiesAtLeast("met", "a meeting",
                                            Set.of(ActivityType.MEETING), 1))),
                    new Stage("CHURNED", "Churned", StageCategory.CHURNED, 0.0, BowTiePhase.IMPACT, List.of(), true)
                            .enteredFrom("WON"))));
        }

        @Override
        public List<String> lossReasons(Tenant tenant) {
            return List.of("SWITCHED");
        }
    }

    @Test
    void aChangedStageModelAppliesOnTheNextRequest(
            @InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> httpRuntime) throws Exception {
        String base = RestAndEventsIT.endpoint(httpRuntime.getServiceReference()) + "api/v1";
        RestAndEventsIT.awaitHealthy(http, base);
        Calls api = new Calls(base);
        String tenant = api.call(ADMIN_KEY, "POST", "/admin/tenants", "{\"name\": \"Models\"}", 201).get("id").asText();
        String key = api.call(ADMIN_KEY, "POST", "/admin/tenants/" + tenant + "/api-keys",
                "{\"name\": \"it\", \"role\": \"MEMBER\"}", 201).get("key").asText();
        api.call(ADMIN_KEY, "PUT", "/admin/tenants/" + tenant + "/plugins/org.revos.stages.lifecycle",
                "{\"enabled\": false}", 200);

        ServiceRegistration<StageModel> v1 = register(new Model(List.of("owner")), 100);
        try {
            String account = api.call(key, "POST", "/accounts", "{\"name\": \"A\"}", 201).get("id").asText();
            JsonNode deal = api.call(key, "POST", "/deals", "{\"accountId\": \"" + account + "\", \"name\": \"D\","
                    + " \"arr\": 1000, \"seats\": 4}", 201);
            assertEquals("NEW", deal.get("stage").asText());
            String moves = "/deals/" + deal.get("id").asText() + "/transitions";
            JsonNode refused = api.call(key, "POST", moves, "{\"toStage\": \"REVIEW\"}", 422);
            assertEquals("properties.owner", refused.get("errors").get(0).get("field").asText());

            ServiceRegistration<StageModel> v2 = register(new Model(List.of("owner", "budget")), 200);
            v1.unregister();
            v1 = null;
            try {
                JsonNode both = api.call(key, "POST", moves, "{\"toStage\": \"REVIEW\", \"properties\":"
                        + " {\"owner\": \"Ada\"}}", 422);
                assertEquals("properties.budget", both.get("errors").get(0).get("field").asText(),
                        "the new rule applies on the very next request");
                api.call(key, "POST", moves, "{\"toStage\": \"REVIEW\", \"properties\": {\"owner\": \"Ada\","
                        + " \"budget\": \"10k\"}}", 200);
                assertEquals(2, api.call(key, "GET", moves, null, 200).get("items").size());

                JsonNode unmet = api.call(key, "POST", moves, "{\"toStage\": \"WON\"}", 422).get("errors");
                assertEquals("seats", unmet.get(0).get("field").asText(), unmet.toString());
                assertEquals("activities", unmet.get(1).get("field").asText(), unmet.toString());
                api.call(key, "PATCH", "/deals/" + deal.get("id").asText(), "{\"seats\": 12}", 200);
                api.call(key, "POST", "/activities", "{\"type\": \"MEETING\", \"dealId\": \""
                        + deal.get("id").asText() + "\"}", 201);
                api.call(key, "POST", moves, "{\"toStage\": \"WON\"}", 200);
                api.call(key, "POST", moves, "{\"toStage\": \"CHURNED\", \"lossReason\": \"SWITCHED\"}", 200);
                assertEquals(4, api.call(key, "GET", moves, null, 200).get("items").size(), "every stage, churn too");
                JsonNode events = api.call(key, "GET", "/revenue-events?accountId=" + account, null, 200)
                        .get("items");
                assertEquals("NEW", events.get(0).get("kind").asText());
                assertEquals("CHURN", events.get(1).get("kind").asText());
            } finally {
                v2.unregister();
            }
        } finally {
            if (v1 != null) {
                v1.unregister();
            }
        }
    }

    private ServiceRegistration<StageModel> register(StageModel model, int ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(StageModel.class, model, props);
    }
}
