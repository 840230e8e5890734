package org.revos.bench;

import java.time.Duration;
import java.util.Locale;

/** Renders the figures of {@link TransitionBench} as the text of docs/benchmarks.md's stage-transitions section. */
public final class TransitionReport {

    private TransitionReport() {
    }

    public static String section(String date, String command, MachineFacts machine, String uptimeAfter, int clients,
            Duration warmup, Duration window, TransitionBench.Result r) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(date).append(":\n\n```sh\n").append(command).append("\n```\n\n");
        Report.machine(md, machine, uptimeAfter);
        md.append("| request (").append(clients).append(" clients, ").append(r.deals()).append(" deals, ")
                .append(warmup.toSeconds()).append(" s warm-up, ").append(window.toSeconds())
                .append(" s measured) | req/s | p50 | p99 | max | errors | server CPU per request |\n")
                .append("|---|---|---|---|---|---|---|\n");
        row(md, "`PATCH /api/v1/deals/{id}` (rename: deal row, audit entry)", r.patch());
        row(md, "`POST /api/v1/deals/{id}/transitions` (requirements checked; deal row, stage history row, audit"
                + " entry, event)", r.transitions());
        md.append(String.format(Locale.ROOT, "%nTransitions ÷ PATCH: **%.2f** (%s ÷ %s req/s). ", r.ratio(),
                Report.rate(r.transitions().perSecond()), Report.rate(r.patch().perSecond())));
        md.append("After the run the deals' histories hold ").append(r.transitionsRecorded())
                .append(" moves: the ").append(r.transitions().ok())
                .append(" answered in the measured window and those of the warm-up.");
        if (r.patch().firstError() != null || r.transitions().firstError() != null) {
            md.append(" First error: `").append(r.patch().firstError() != null ? r.patch().firstError()
                    : r.transitions().firstError()).append("`.");
        }
        return md.append('\n').toString();
    }

    private static void row(StringBuilder md, String name, LoadGenerator.Result r) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.2f ms | %.2f ms | %.1f ms | %d | %.3f ms |%n", name,
                Report.rate(r.perSecond()), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(),
                r.serverCpuMillisPerRequest()));
    }
}
