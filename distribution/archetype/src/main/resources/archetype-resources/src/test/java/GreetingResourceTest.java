package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.security.ApiRole;
import org.revos.testkit.Callers;

/** The resource's answer for a caller the RevOS test kit makes: no runtime needed. */
class GreetingResourceTest {

    private final GreetingResource resource = new GreetingResource();

    @Test
    void greetsTheCallerInTheNameOfTheirTenant() {
        Map<String, Object> answer = resource.greet(Callers.of("ten_1", ApiRole.READ_ONLY), " Ann ");
        assertEquals("Hello, Ann!", answer.get("greeting"));
        assertEquals("ten_1", answer.get("tenant"));
        assertEquals("READ_ONLY", answer.get("role"));
        assertEquals("Hello, there!", resource.greet(Callers.of("ten_1", ApiRole.MEMBER), null).get("greeting"));
    }

    @Test
    void refusesANameTooLongToPrint() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> resource.greet(Callers.of("ten_1", ApiRole.MEMBER), "x".repeat(101)));
        assertEquals("name must be at most 100 characters long", refused.getMessage());
    }
}
