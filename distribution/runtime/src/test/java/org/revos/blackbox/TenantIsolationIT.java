package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** Tenant A can neither read, change, list, reference nor delete anything of tenant B. */
@ExtendWith(RevosExtension.class)
class TenantIsolationIT {

    private final Revos revos;

    TenantIsolationIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void anotherTenantsObjectsAreIndistinguishableFromUnknownOnes() {
        Revos.Tenant a = revos.newTenant("A");
        Revos.Tenant b = revos.newTenant("B");
        String account = revos.post(b.member(), "/accounts", Map.of("name", "B's", "externalId", "b-1")).expect(201)
                .get("id").asText();
        String deal = revos.post(b.member(), "/deals", Map.of("accountId", account, "name", "B deal")).expect(201)
                .get("id").asText();

        JsonNode unknown = revos.get(a.admin(), "/accounts/acc_01AAAAAAAAAAAAAAAAAAAAAAAA").expect(404);
        JsonNode foreign = revos.get(a.admin(), "/accounts/" + account).expect(404);
        assertEquals(unknown.get("title"), foreign.get("title"));
        assertEquals(404, revos.patch(a.admin(), "/accounts/" + account, Map.of("name", "hijacked")).status());
        assertEquals(404, revos.delete(a.admin(), "/deals/" + deal).status());
        assertEquals(0, revos.get(a.admin(), "/accounts").expect(200).get("items").size());
        assertEquals(0, revos.get(a.admin(), "/accounts?externalId=b-1").expect(200).get("items").size());
        assertEquals(400, revos.post(a.member(), "/deals", Map.of("accountId", account, "name", "x")).status(),
                "cannot reference B's account");
        assertEquals(-1, revos.get(a.admin(), "/audit?limit=500").expect(200).toString().indexOf(account),
                "nothing of B's reaches A's audit log");
        assertEquals("B's", revos.get(b.member(), "/accounts/" + account).expect(200).get("name").asText());
        assertEquals(1, revos.get(b.member(), "/deals").expect(200).get("items").size());
    }

    /** Found by IsolationMatrixIT: the second tenant to save its KPI settings or mappings of a format got a 409. */
    @Test
    void everyTenantSavesItsOwnSettingsAndImportMappings() {
        Revos.Tenant a = revos.newTenant("settings A");
        Revos.Tenant b = revos.newTenant("settings B");
        for (Revos.Tenant t : List.of(a, b)) {
            revos.send(t.admin(), "PUT", "/kpi-settings", Map.of("yellowFrom", t == a ? 0.7 : 0.8), Map.of())
                    .expect(200);
            revos.send(t.admin(), "PUT", "/imports/mappings/salesforce", Map.of("stages", Map.of("Parked " + t.id(),
                    "QUALIFICATION")), Map.of()).expect(200);
        }
        for (Revos.Tenant t : List.of(a, b)) {
            assertEquals(t == a ? "0.7" : "0.8", revos.get(t.admin(), "/kpi-settings").expect(200).get("yellowFrom")
                    .asText());
            JsonNode stages = revos.get(t.admin(), "/imports/mappings/salesforce").expect(200).get("stages");
            assertEquals(List.of("Parked " + t.id()), List.copyOf(iterable(stages.fieldNames())), stages::toString);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
