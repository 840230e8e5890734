package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.testkit.runtime.RevosClient;
import org.revos.testkit.runtime.RevosRuntime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugin hot-deployed into a real runtime: the KPI engine lists {@code big_wins} and computes it from deals the
 * test creates and wins over the REST API.
 */
@RevosRuntime
class BigWinsKpiIT {

    private static String thisQuarter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static String win(RevosClient tenant, String account, int arr) {
        String deal = tenant.post("/deals", Map.of("accountId", account, "name", "Deal of " + arr, "arr", arr))
                .expect(201).get("id").asText();
        tenant.post("/deals/" + deal + "/transitions", Map.of("toStage", "CLOSED_WON")).expect(200);
        return deal;
    }

    @Test
    void theKpiIsListedAndCountsTheTenantsBigWins(RevosClient tenant) {
        JsonNode kpis = tenant.get("/kpis").expect(200).get("items");
        assertTrue(kpis.findValuesAsText("id").contains("big_wins"), kpis::toString);

        String account = tenant.post("/accounts", Map.of("name", "Initech")).expect(201).get("id").asText();
        win(tenant, account, 20_000);
        win(tenant, account, 5_000);

        String quarter = thisQuarter();
        assertEquals(1, tenant.get("/kpis/big_wins?period=" + quarter).expect(200).get("value").asInt());
        assertEquals(2, tenant.get("/kpis/big_wins?period=" + quarter + "&minimum=1000").expect(200).get("value")
                .asInt());
        JsonNode refused = tenant.get("/kpis/big_wins?period=" + quarter + "&minimum=lots").expect(400);
        assertTrue(refused.toString().contains("minimum"), refused::toString);
    }
}
