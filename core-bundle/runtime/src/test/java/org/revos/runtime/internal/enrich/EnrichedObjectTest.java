package org.revos.runtime.internal.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.LeadEntity;

class EnrichedObjectTest {

    @Test
    void fillsOnlyEmptyFieldsWithUsableValuesAndRecordsEach() {
        AccountEntity a = new AccountEntity();
        a.id = "acc_1";
        a.name = "Acme";
        a.domain = "acme.com";
        a.industry = "Set by a user";
        EnrichedObject o = new EnrichedObject(a);
        assertEquals(new EnrichmentRequest(ObjectType.ACCOUNT, "acc_1", "acme.com", "Acme",
                Set.of("country", "employees")), o.request());

        Set<String> written = o.fill(new Firmographics(null, "de", -5, "Software", null), "p1", 1_000);
        assertEquals(Set.of("country"), written, "a negative size is unusable; industry was set");
        assertEquals("DE", a.country);
        assertNull(a.employees);
        assertEquals("Set by a user", a.industry);
        assertEquals(Set.of(), o.fill(new Firmographics(null, "ZZ", null, null, null), "p2", 2_000));
        o.fill(new Firmographics(null, "FR", 40, null, null), "p2", 3_000);
        assertEquals("DE", a.country, "the first answer wins");
        assertEquals(40, a.employees);
        assertEquals(FieldTypes.readTree("{\"country\":{\"provider\":\"p1\",\"at\":\"1970-01-01T00:00:01Z\","
                + "\"value\":\"DE\"},\"employees\":{\"provider\":\"p2\",\"at\":\"1970-01-01T00:00:03Z\","
                + "\"value\":40}}"), FieldTypes.readTree(a.enriched));
        assertNull(o.request(), "nothing left to ask");
    }

    @Test
    void aLeadIsAskedByItsEmailDomainAndNothingWithoutOne() {
        LeadEntity l = new LeadEntity();
        l.id = "lead_1";
        l.email = "jane@acme.com";
        assertEquals(new EnrichmentRequest(ObjectType.LEAD, "lead_1", "acme.com", null,
                Set.of("company", "country", "employees")), new EnrichedObject(l).request());
        l.email = "no-at-sign";
        assertNull(new EnrichedObject(l).request());
    }
}
