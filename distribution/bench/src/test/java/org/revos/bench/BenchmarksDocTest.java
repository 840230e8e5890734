package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarksDocTest {

    private static String run(String date) {
        return BenchmarksDoc.RUN_HEADING + date + "\n\n| figure | measured |\n|---|---|\n| start | 1 s |\n";
    }

    @Test
    void createsTheFileWithTheFirstRun() {
        String doc = BenchmarksDoc.update(null, run("day 1"));
        assertTrue(doc.startsWith("# Benchmarks"));
        assertEquals(List.of(run("day 1").strip()), runsOf(doc));
    }

    @Test
    void putsTheNewRunFirstAndLeavesTheWrittenTextAlone() {
        String written = "# Benchmarks\n\nHow to read these figures.\n\n## What stands in the way\n\nText.\n\n## Runs\n\n"
                + BenchmarksDoc.START + "\n\n" + run("day 1") + "\n" + BenchmarksDoc.END + "\n\n## Footer\n";
        String doc = BenchmarksDoc.update(written, run("day 2"));
        assertEquals(List.of(run("day 2").strip(), run("day 1").strip()), runsOf(doc));
        assertTrue(doc.startsWith("# Benchmarks\n\nHow to read these figures.\n\n## What stands in the way\n\nText.\n"));
        assertTrue(doc.endsWith(BenchmarksDoc.END + "\n\n## Footer\n"));
    }

    @Test
    void keepsOnlyTheLatestRuns() {
        String doc = null;
        for (int day = 1; day <= BenchmarksDoc.KEPT_RUNS + 2; day++) {
            doc = BenchmarksDoc.update(doc, run("day " + day));
        }
        List<String> runs = runsOf(doc);
        assertEquals(BenchmarksDoc.KEPT_RUNS, runs.size());
        assertEquals(run("day " + (BenchmarksDoc.KEPT_RUNS + 2)).strip(), runs.get(0));
        assertEquals(run("day 3").strip(), runs.get(runs.size() - 1));
    }

    @Test
    void addsTheMarkersToAFileWrittenWithoutThem() {
        String doc = BenchmarksDoc.update("# Benchmarks\n\nNotes.\n", run("day 1"));
        assertTrue(doc.startsWith("# Benchmarks\n\nNotes.\n"));
        assertEquals(List.of(run("day 1").strip()), runsOf(doc));
    }

    @Test
    void refusesASectionThatIsNoRun() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarksDoc.update(null, "## Something else\n"));
    }

    @Test
    void transitionFiguresGetTheirOwnSectionBeforeTheRunsAndReplaceOnlyTheirOwn() {
        String written = BenchmarksDoc.update("# Benchmarks\n\nNotes.\n", run("day 1"));
        String first = BenchmarksDoc.updateTransitions(written, "Run of day 1: 100 req/s\n");
        assertTrue(first.indexOf(BenchmarksDoc.TRANSITIONS_HEADING) < first.indexOf("## Runs"), first);
        assertTrue(first.contains("Run of day 1: 100 req/s"));
        String withHumanText = first.replace(BenchmarksDoc.TRANSITIONS_HEADING + "\n",
                BenchmarksDoc.TRANSITIONS_HEADING + "\n\nHow they are taken.\n");
        String second = BenchmarksDoc.updateTransitions(withHumanText, "Run of day 2: 90 req/s");
        assertTrue(second.contains("How they are taken.") && second.contains("Run of day 2: 90 req/s"), second);
        assertTrue(!second.contains("day 1: 100"), "the figures are replaced, not kept");
        assertEquals(List.of(run("day 1").strip()), runsOf(second), "the runs are untouched");
        assertEquals(second, BenchmarksDoc.updateTransitions(second, "Run of day 2: 90 req/s"));
    }

    private static List<String> runsOf(String doc) {
        int start = doc.indexOf(BenchmarksDoc.START);
        int end = doc.indexOf(BenchmarksDoc.END);
        return BenchmarksDoc.runs(doc.substring(start + BenchmarksDoc.START.length(), end));
    }
}
