package org.revos.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything one bench run measured, and how. */
public record Figures(
        String date,
        String command,
        MachineFacts machine,
        String uptimeAfter,
        Map<String, String> launcherProperties,
        Stats.Summary coldStartMillis,
        Stats.Summary warmStartMillis,
        Stats.Summary idleRssMib,
        Stats.Summary baselineStartMillis,
        double baselineIdleRssMib,
        StartupProfile.Result profile,
        int deals,
        int clients,
        Duration warmup,
        Duration window,
        LoadGenerator.Result runtimeLoad,
        LoadGenerator.Result baselineLoad,
        double runtimeRssAfterLoadMib,
        double baselineRssAfterLoadMib,
        Optional<HotDeploy.Result> hotDeploy,
        String hotDeployAbsence) {

    /** @return RevOS's successful requests per second over the baseline's: the throughput figure */
    public double throughputRatio() {
        return runtimeLoad.perSecond() / baselineLoad.perSecond();
    }
}
