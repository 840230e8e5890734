package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static Figures figures(Optional<HotDeploy.Result> hotDeploy) {
        MachineFacts machine = new MachineFacts("2", "Test CPU", "24 GiB", "Linux 6", "openjdk version \"17\"",
                "12:00 load average: 0.5", 100);
        Map<String, Integer> classes = new LinkedHashMap<>();
        classes.put("JDK (CDS archive)", 1200);
        classes.put("org.revos.derby", 978);
        StartupProfile.Result profile = new StartupProfile.Result(3900,
                List.of(new StartupProfile.Phase("start bundles", 2500), new StartupProfile.Phase("health", 700)),
                List.of(new StartupProfile.BundleStart("org.revos.runtime", 2100)), 9166, classes);
        LoadGenerator.Result revos = new LoadGenerator.Result(30_000, 0, 20, 8.4, 49.7, 352, 26.8, 5.7, null);
        LoadGenerator.Result baseline = new LoadGenerator.Result(134_000, 2, 20, 2.0, 8.8, 45, 18.2, 14.6,
                "HTTP 500 boom");
        return new Figures("2026-11-23 12:00 UTC", "java -jar revos-bench.jar", machine, "12:04 load average: 1.0",
                Map.of("launch.keep", "false"), new Stats.Summary(5, 3960, 3790, 4080),
                new Stats.Summary(3, 4180, 3550, 6640), new Stats.Summary(5, 256, 255, 279),
                new Stats.Summary(3, 2120, 2000, 2500), 108, profile, 1000, 16, Duration.ofSeconds(15),
                Duration.ofSeconds(20), revos, baseline, 756, 689, hotDeploy, "no `--plugin-jar` given");
    }

    @Test
    void showsEveryTargetWithItsVerdict() {
        String md = Report.section(figures(Optional.empty()));
        assertTrue(md.startsWith(BenchmarksDoc.RUN_HEADING + "2026-11-23 12:00 UTC\n"), md);
        assertTrue(md.contains("| ≤ 1.0 s | 3.96 s (3.79 s–4.08 s) | **no** |"), md);
        assertTrue(md.contains("| ≤ 200 MiB | 256 MiB (255 MiB–279 MiB) | **no** |"), md);
        assertTrue(md.contains("| ≥ 0.8 | 0.22 (1500 ÷ 6700 req/s) | **no** |"), md);
        assertTrue(md.contains("not measured: no `--plugin-jar` given"), md);
        assertTrue(md.contains("First error of baseline: `HTTP 500 boom`"), md);
        assertTrue(md.contains("| org.revos.runtime") || md.contains("`org.revos.runtime` 2100 ms"), md);
    }

    @Test
    void showsHotDeployFiguresAndNotes() {
        HotDeploy.Result hot = new HotDeploy.Result(List.of(120.0, 180.0, 400.0), List.of(),
                List.of("upload: POST /api/v1/admin/plugins answered 404"));
        String md = Report.section(figures(Optional.of(hot)));
        assertTrue(md.contains("| hot deploy: jar moved into the deploy folder → endpoint 200 (median of 3) | ≤ 250 ms"
                + " | 180 ms (120 ms–400 ms) | yes |"), md);
        assertTrue(md.contains("`POST /api/v1/admin/plugins` → endpoint 200 | ≤ 250 ms | not measured"), md);
        assertTrue(md.contains("- upload: POST /api/v1/admin/plugins answered 404"), md);
    }
}
