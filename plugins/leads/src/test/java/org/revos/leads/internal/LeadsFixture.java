package org.revos.leads.internal;

import java.util.ArrayList;
import java.util.List;

import org.revos.api.leads.LeadFilter;
import org.revos.api.leads.LeadRouting;
import org.revos.api.leads.LeadScoring;
import org.revos.api.spi.EnrichmentProvider;
import org.revos.kernel.spi.objects.StageMoves;
import com.fasterxml.jackson.databind.JsonNode;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.leads.rules.internal.DefaultFilters;
import org.revos.leads.rules.internal.DefaultRouting;
import org.revos.leads.rules.internal.DefaultScoring;
import org.revos.runtime.internal.plugins.GatewayCalls;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.persistence.EngineStore;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.BundlelessReference;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.query.RevosDataService;
import org.revos.runtime.internal.rest.Collections;
import org.revos.runtime.internal.rest.Idempotency;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A lead intake engine over a kernel store, as the runtime wires it: its entities contributed to the store's
 * persistence unit, the kernel's object engine and plugin gateway, the rules RevOS ships as if their plugin were
 * installed, and a stage engine stand-in that records the moves asked of it (or refuses them).
 */
final class LeadsFixture {

    final Store store;
    final LeadsEngine engine;
    final List<String> moved = new ArrayList<>();
    /** Ids the engine asked the stage rules to place; lead intake never does (the kernel places new leads). */
    final List<String> placed = new ArrayList<>();
    volatile String refuseMql;
    final org.osgi.framework.ServiceReference<LeadRouting> routing = BundlelessReference.of(LeadRouting.class);

    LeadsFixture(Store store) {
        this.store = store;
        store.contribute("org.revos.leads", List.of(LeadIntakeEntity.class, LeadSettingsEntity.class,
                LeadRepEntity.class), e -> {
                    throw e;
                });
        EngineStore engines = new EngineStore(store);
        engine = new LeadsEngine(engines, new GatewayCalls(new PluginGateway(), new TenantPlugins(store)),
                new Collections(store, new Idempotency(store)), new RevosDataService(store, null));
        store.addCommitListener(engine);
        engine.addFilter(BundlelessReference.of(LeadFilter.class), new DefaultFilters());
        engine.addScoring(BundlelessReference.of(LeadScoring.class), new DefaultScoring());
        engine.addRouting(routing, new DefaultRouting());
        engine.setStageMoves(new StageMoves() {
            @Override
            public ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request) {
                if (refuseMql != null) {
                    throw org.revos.kernel.spi.Problem.unprocessable("Entry requirements not met", "employees",
                            refuseMql);
                }
                moved.add(id);
                return (ObjectNode) request;
            }

            @Override
            public ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request,
                    boolean recordRevenue) {
                return move(tx, type, id, request);
            }

            @Override
            public void place(TenantTransaction tx, ObjectType type, String id, String pipeline, String stage,
                    boolean recordRevenue) {
                placed.add(id); // lead intake never places an object itself (the kernel does); recorded if it did
            }

            @Override
            public java.util.List<String> lossReasons(org.revos.api.model.Tenant tenant) {
                return java.util.List.of();
            }
        });
    }

    void provider(EnrichmentProvider provider) {
        engine.addProvider(BundlelessReference.of(EnrichmentProvider.class), provider);
    }

    void stop() {
        store.removeCommitListener(engine);
        engine.stop();
    }
}
