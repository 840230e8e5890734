package org.revos.runtime.internal.credit;

import java.util.List;

import org.revos.api.spi.CreditRule;
import org.revos.credit.buckets.internal.BucketRule;
import org.revos.kernel.spi.Ids;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.objects.WriteHooks;
import org.revos.runtime.internal.persistence.CreditRuleVersionEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.BundlelessReference;
import org.revos.runtime.internal.plugins.TenantPlugins;

/** A credit engine over a store, running the real bucket rule as if its plugin were installed. */
final class CreditFixture {

    final Store store;
    final CreditEngine engine;

    CreditFixture(Store store) {
        this.store = store;
        this.engine = new CreditEngine(store, new TenantPlugins(store), new PluginGateway());
        engine.addRule(BundlelessReference.of(CreditRule.class), new BucketRule());
        WriteHooks.add(this, 0, 0, marks);
    }

    private final StaleMarks marks = new StaleMarks();

    void stop() {
        WriteHooks.remove(this);
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
    static final class Counting implements org.revos.runtime.internal.jobs.JobContext {
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
