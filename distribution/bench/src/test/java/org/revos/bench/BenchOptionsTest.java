package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsMeasureEverythingButHotDeploy() {
        BenchOptions o = BenchOptions.parse(List.of());
        assertEquals(5, o.coldStarts());
        assertEquals(1000, o.deals());
        assertTrue(o.writeDoc());
        assertFalse(o.measuresHotDeploy());
        assertFalse(o.onlyTransitions());
    }

    @Test
    void measuresOnlyTransitionsWhenAsked() {
        assertTrue(BenchOptions.parse(List.of("--only", "transitions")).onlyTransitions());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--only", "starts")));
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of("--starts", "3", "--clients", "8", "--warmup", "2", "--measure",
                "4", "--plugin-jar", "p.jar", "--plugin-path", "/api/v1/hello", "--deploys", "7", "--no-doc"));
        assertEquals(3, o.coldStarts());
        assertEquals(8, o.clients());
        assertEquals(Duration.ofSeconds(2), o.warmup());
        assertEquals(Duration.ofSeconds(4), o.window());
        assertEquals(Optional.of(Path.of("p.jar")), o.pluginJar());
        assertEquals(7, o.deploys());
        assertFalse(o.writeDoc());
        assertTrue(o.measuresHotDeploy());
    }

    @Test
    void refusesBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--starts", "0")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--starts")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--bogus", "1")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--plugin-jar", "p.jar")));
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--plugin-jar", "p.jar", "--plugin-path", "hello")));
    }
}
