package org.revos.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * docs/benchmarks.md: text written by people, and between two markers the sections of the latest runs, newest
 * first. The bench only ever changes what lies between the markers.
 */
public final class BenchmarksDoc {

    static final String START = "<!-- bench:runs:start (written by the bench command; newest first) -->";
    static final String END = "<!-- bench:runs:end -->";
    static final String RUN_HEADING = "### Run of ";
    static final int KEPT_RUNS = 5;
    static final String TRANSITIONS_START = "<!-- bench:transitions:start (written by the bench command) -->";
    static final String TRANSITIONS_END = "<!-- bench:transitions:end -->";
    static final String TRANSITIONS_HEADING = "## Stage transitions against deal PATCH";

    private BenchmarksDoc() {
    }

    /**
     * @param existing the file's text, or {@code null} when there is none yet
     * @param section  the new run's section, starting with {@link #RUN_HEADING}
     * @return the text with {@code section} first among the runs and at most {@link #KEPT_RUNS} runs kept
     */
    public static String update(String existing, String section) {
        if (!section.startsWith(RUN_HEADING)) {
            throw new IllegalArgumentException("A run section starts with '" + RUN_HEADING + "'");
        }
        String text = existing == null || existing.isBlank() ? skeleton() : existing;
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            text = text.stripTrailing() + "\n\n## Runs\n\n" + START + "\n" + END + "\n";
            start = text.indexOf(START);
            end = text.indexOf(END);
        }
        List<String> runs = new ArrayList<>();
        runs.add(section.strip());
        runs.addAll(runs(text.substring(start + START.length(), end)));
        String kept = String.join("\n\n", runs.subList(0, Math.min(KEPT_RUNS, runs.size())));
        return text.substring(0, start + START.length()) + "\n\n" + kept + "\n\n" + text.substring(end);
    }

    /**
     * @param existing the file's text, or {@code null} when there is none yet
     * @param figures  the latest stage-transitions figures
     * @return the text with {@code figures} between the transitions markers, replacing what was there; the markers
     *         (under their own heading, before the runs) are added when missing. Nothing else changes.
     */
    public static String updateTransitions(String existing, String figures) {
        String text = existing == null || existing.isBlank() ? skeleton() : existing;
        int start = text.indexOf(TRANSITIONS_START);
        int end = text.indexOf(TRANSITIONS_END);
        if (start < 0 || end < start) {
            String block = TRANSITIONS_HEADING + "\n\n" + TRANSITIONS_START + "\n" + TRANSITIONS_END + "\n\n";
            int runs = text.indexOf("## Runs");
            text = runs < 0 ? text.stripTrailing() + "\n\n" + block : text.substring(0, runs) + block
                    + text.substring(runs);
            start = text.indexOf(TRANSITIONS_START);
            end = text.indexOf(TRANSITIONS_END);
        }
        return text.substring(0, start + TRANSITIONS_START.length()) + "\n\n" + figures.strip() + "\n\n"
                + text.substring(end);
    }

    /** @return the run sections between the markers, in order */
    static List<String> runs(String between) {
        List<String> runs = new ArrayList<>();
        int at = between.indexOf(RUN_HEADING);
        while (at >= 0) {
            int next = between.indexOf("\n" + RUN_HEADING, at + 1);
            runs.add(between.substring(at, next < 0 ? between.length() : next).strip());
            at = next < 0 ? -1 : next + 1;
        }
        return runs;
    }

    static String skeleton() {
        return "# Benchmarks\n\n"
                + "Written by the bench command (`distribution/bench`); see that module for how each figure is taken.\n\n"
                + "## Runs\n\n" + START + "\n" + END + "\n";
    }
}
