package org.revos.enrichment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections.Found;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

class EnrichedObjectTest {

    private static JsonNode json(String text) {
        return FieldTypes.readTree(text.replace('\'', '"'));
    }

    @Test
    void offersOnlyUsableValuesForEmptyFieldsTheFirstAnswerFirst() {
        EnrichedObject o = new EnrichedObject(ObjectType.ACCOUNT, json("{'id': 'acc_1', 'name': 'Acme', 'domain':"
                + " 'acme.com', 'country': null, 'employees': null, 'industry': 'Set by a user'}"));
        assertEquals(new EnrichmentRequest(ObjectType.ACCOUNT, "acc_1", "acme.com", "Acme",
                Set.of("country", "employees")), o.request());

        Map<String, Firmographics> answers = new LinkedHashMap<>();
        answers.put("p1", new Firmographics("Acme Inc", "de", -5, "Software", null));
        answers.put("p2", new Firmographics(null, "ZZ", null, null, null));
        answers.put("p3", new Firmographics(null, "FR", 40, null, null));
        assertEquals(List.of(new Found("country", new TextNode("DE"), "p1"),
                new Found("employees", new IntNode(40), "p3")), o.found(answers),
                "a negative size and an unknown country are unusable; industry was set; company is no account field");
    }

    @Test
    void aLeadIsAskedByItsEmailDomainAndNothingWithoutOne() {
        assertEquals(new EnrichmentRequest(ObjectType.LEAD, "lead_1", "acme.com", null,
                Set.of("company", "country", "employees")), new EnrichedObject(ObjectType.LEAD,
                        json("{'id': 'lead_1', 'email': 'jane@acme.com'}")).request());
        assertNull(new EnrichedObject(ObjectType.LEAD, json("{'id': 'lead_1', 'email': 'no-at-sign'}")).request());
        assertNull(new EnrichedObject(ObjectType.ACCOUNT, json("{'id': 'acc_1', 'name': 'Acme', 'domain': 'a.com',"
                + " 'country': 'DE', 'employees': 3, 'industry': 'x'}")).request(), "nothing missing");
    }
}
