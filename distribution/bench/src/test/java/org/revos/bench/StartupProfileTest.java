package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StartupProfileTest {

    private static ServerProcess.Line at(long millis, String text) {
        return new ServerProcess.Line(millis * 1_000_000, text);
    }

    @Test
    void cutsTheStartAtTheLauncherMilestones() {
        List<ServerProcess.Line> lines = List.of(at(5, "[EmbeddedLauncher] looking for Embedded-Runpath"),
                at(200, "# installing jar/a.jar"), at(250, "# installing jar/b.jar"),
                at(500, "# system bundle started ok"), at(600, "# Will start bundles: [a, b]"),
                at(610, "# starting a"), at(620, "# started  a"), at(630, "# starting b"),
                at(2630, "# started  b"), at(2700, "INFO: Added content sid_39 to application revos"));
        List<StartupProfile.Phase> phases = StartupProfile.phases(lines, 3_000_000_000L);
        assertEquals(List.of(200.0, 300.0, 100.0, 2030.0, 70.0, 300.0),
                phases.stream().map(StartupProfile.Phase::millis).toList());
        assertEquals(List.of(new StartupProfile.BundleStart("b", 2000.0), new StartupProfile.BundleStart("a", 10.0)),
                StartupProfile.slowestBundles(lines, 5));
    }

    @Test
    void skipsMilestonesThatDidNotHappenOrCameOutOfOrder() {
        List<ServerProcess.Line> lines = List.of(at(100, "# installing jar/a.jar"));
        assertEquals(List.of(new StartupProfile.Phase("JVM start, launcher unpacks framework", 100.0),
                new StartupProfile.Phase("until /api/v1/health answers 200", 900.0)),
                StartupProfile.phases(lines, 1_000_000_000L));
    }

    @Test
    void countsClassesBySource() {
        List<String> log = List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.011s][info][class,load] java.lang.String source: shared objects file",
                "[0.300s][info][class,load] sun.nio.fs.Foo source: jrt:/java.base",
                "[0.400s][info][class,load] org.apache.felix.framework.Felix source: file:/tmp/x/resource123.jar",
                "[1.000s][info][class,load] org.apache.derby.Foo source: jar:jar/org.revos.derby-1.0.0-SNAPSHOT.jar",
                "[1.001s][info][class,load] org.apache.derby.Bar source: jar:jar/org.revos.derby-1.0.0-SNAPSHOT.jar",
                "[1.002s][info][class,load] com.fasterxml.X source: jar:jar/jackson-databind-2.18.2.jar",
                "[1.100s][info][class,load] jdk.proxy1.$Proxy5 source: __dynamic_proxy__");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("JDK (CDS archive)", 2);
        expected.put("org.revos.derby", 2);
        expected.put("Felix framework + bnd launcher", 1);
        expected.put("other", 3);
        assertEquals(expected, StartupProfile.classesBySource(log, 3));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(StartupProfile.classesBySource(log, 3).keySet()));
    }
}
