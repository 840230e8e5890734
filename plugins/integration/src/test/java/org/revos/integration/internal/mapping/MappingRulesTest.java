package org.revos.integration.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.Violations;

import com.fasterxml.jackson.databind.ObjectMapper;

class MappingRulesTest {

    private static final MappingTargets TARGETS = new MappingTargets(Optional.of(new Pipeline("sales",
            ObjectType.DEAL, true, List.of(new Stage("CLOSED_WON", "Closed Won", StageCategory.WON, 1,
                    BowTiePhase.COMMIT, List.of(), false)))), Optional.empty(), List.of("PRICE"),
            new OwnerDirectory(List.of(new OwnerDirectory.User("usr_1", null, "ann@acme.test", "Ann Lee"))));

    @Test
    void refusesEveryTargetTheTenantDoesNotHaveNamingEach() throws Exception {
        Violations v = new Violations();
        ValueMappings m = MappingDocuments.fromDocument(new ObjectMapper().readTree("{\"stages\": {\"Won\":"
                + " \"CLOSED_WON\", \"Parked\": \"ON_ICE\"}, \"lifecycleStages\": {\"lead\": \"RAW\"},"
                + " \"dealTypes\": {\"x\": \"UPSELL\"}, \"lossReasons\": {\"y\": \"BUDGET\"}, \"owners\":"
                + " {\"Ann\": \"ann@acme.test\", \"Gone\": null, \"Zed\": \"Ann Lee\"}, \"format\": \"hubspot\"}"), v);
        assertEquals(List.of(), v.list());
        Problem p = assertThrows(Problem.class, () -> MappingRules.check(m, TARGETS,
                MappingDocuments.documentFields()));
        assertEquals(422, p.status());
        assertEquals(List.of("stages.Parked", "lifecycleStages.lead", "dealTypes.x", "lossReasons.y", "owners.Zed"),
                p.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aDocumentOfTheWrongShapeListsEveryProblem() throws Exception {
        Violations v = new Violations();
        MappingDocuments.fromDocument(new ObjectMapper().readTree("{\"colors\": {}, \"stages\": [1],"
                + " \"owners\": {\"Ann\": 3}}"), v);
        assertEquals(List.of("colors", "stages", "owners.Ann"), v.list().stream().map(FieldError::field).toList());
    }

    @Test
    void queryPairsSplitAtTheLastEqualsSignAndAnEmptyOwnerMeansNone() {
        Violations v = new Violations();
        ValueMappings m = MappingDocuments.fromQuery(Map.of(ValueKind.OWNERS, List.of("Gone=", "A=B=ann@acme.test"),
                ValueKind.STAGES, List.of("nothing")), v);
        assertEquals(List.of("mapStage"), v.list().stream().map(FieldError::field).toList());
        assertEquals(null, m.of(ValueKind.OWNERS).get("Gone"));
        assertEquals("ann@acme.test", m.of(ValueKind.OWNERS).get("A=B"));
    }
}
