package org.revos.leads.internal;

import java.io.IOException;

import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the API shows an intake record. */
final class Records {

    private Records() {
    }

    static ObjectNode render(LeadIntakeEntity r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode().put("id", r.id).put("leadId", r.leadId).put("email", r.email)
                .put("receivedAt", FieldTypes.instantText(r.receivedAt)).put("outcome", r.outcome)
                .put("lane", r.lane).put("ownerId", r.ownerId).put("duplicateOf", r.duplicateOf);
        out.set("enriched", read(r.enrichedJson, f.objectNode()));
        ObjectNode filter = out.putObject("filter").put("passed", r.filterRule == null).put("plugin", r.filterPlugin)
                .put("rule", r.filterRule).put("reason", r.filterReason);
        filter.put("fallback", r.filterRule == null ? null : r.lane);
        if (r.score == null) {
            out.putNull("score");
        } else {
            ObjectNode score = out.putObject("score").put("value", r.score).put("fit", round(r.fit))
                    .put("engagement", round(r.engagement)).put("plugin", r.scoringPlugin);
            score.putObject("weights").put("fit", r.fitWeight).put("engagement", r.engagementWeight);
            score.put("scoredAt", FieldTypes.instantText(r.scoredAt == null ? r.createdAt : r.scoredAt));
            score.set("explanation", read(r.explanationJson, f.arrayNode()));
        }
        out.putObject("mql").put("became", r.mql).put("reason", r.mqlReason);
        out.putObject("routing").put("plugin", r.routingPlugin).put("rule", r.routingRule)
                .put("reason", r.routingReason);
        out.put("createdAt", FieldTypes.instantText(r.createdAt));
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static JsonNode read(String json, JsonNode fallback) {
        if (json == null) {
            return fallback;
        }
        try {
            return IntakeSettings.MAPPER.readTree(json);
        } catch (IOException e) {
            return fallback;
        }
    }
}
