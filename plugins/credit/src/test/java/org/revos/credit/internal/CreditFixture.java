package org.revos.credit.internal;

import java.util.List;

import org.revos.api.spi.CreditRule;
import org.revos.credit.buckets.internal.BucketRule;
import org.revos.kernel.spi.Ids;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.objects.WriteHooks;
import org.revos.runtime.internal.persistence.EngineStore;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.BundlelessReference;
import org.revos.runtime.internal.plugins.GatewayCalls;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.query.RevosDataService;

/**
 * A credit engine over a kernel store, as the runtime wires it: its entities contributed to the store's persistence
 * unit, its write hook called by the object engine, the SPI services the kernel's own, and the real bucket rule as if
 * its plugin were installed.
 */
final class CreditFixture {

    final Store store;
    /** the store as engines see it (the SPI's TenantStore) */
    final EngineStore engines;
    final CreditEngine engine;

    CreditFixture(Store store) {
        this.store = store;
        store.contribute(CreditEngine.PID, List.of(CreditRuleVersionEntity.class, CreditLineEntity.class,
                CreditAccountEntity.class, CreditPendingEntity.class, CreditWatermarkEntity.class), e -> {
                    throw e;
                });
        this.engines = new EngineStore(store);
        this.engine = new CreditEngine(engines, new GatewayCalls(new PluginGateway(), new TenantPlugins(store)),
                new RevosDataService(store, null), CreditEngine.DEFAULT_CATCH_UP_SECONDS);
        engine.addRule(BundlelessReference.of(CreditRule.class), new BucketRule());
        this.marks = new StaleMarks(engines);
        WriteHooks.add(this, 0, 0, marks);
    }

    private final StaleMarks marks;

    void stop() {
        WriteHooks.remove(this);
        marks.stop();
        engine.stop();
    }

    /** Stores a rule version, as {@code POST /api/v1/credit/rules} does. */
    void version(String tenantId, String effectiveFrom, String settingsJson, boolean handover) {
        store.write(tenantId, null, tx -> {
            CreditRuleVersionEntity v = new CreditRuleVersionEntity();
            v.id = Ids.next("crv");
            v.ruleId = BucketRule.ID;
            v.effectiveFrom = effectiveFrom;
            v.settingsJson = settingsJson;
            v.handover = handover;
            v.createdAt = tx.now();
            v.updatedAt = tx.now();
            tx.em().persist(v);
            return null;
        });
    }

    RuleSetup setup(String tenantId) {
        return engine.setup(tenantId).orElseThrow();
    }

    /** A job context that only counts. */
    static final class Counting implements org.revos.kernel.spi.JobRunner.Progress {
        long total;
        long done;
        final List<String> errors = new java.util.ArrayList<>();

        @Override
        public void total(long total) {
            this.total = total;
        }

        @Override
        public void done(long done) {
            this.done = done;
        }

        @Override
        public void error(long line, String field, String message) {
            errors.add(message);
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
