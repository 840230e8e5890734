package org.revos.kpi.internal;

import org.revos.runtime.internal.persistence.EngineStore;
import org.revos.runtime.internal.persistence.Store;

/** Facts projections over a kernel store, told of its commits as the kernel's change feed tells the engine's. */
final class Projections {

    private Projections() {
    }

    static FactsProjection over(Store store) {
        return over(store, new FactsProjection.Loader() {
        });
    }

    static FactsProjection over(Store store, FactsProjection.Loader loader) {
        return over(store, () -> 0, loader);
    }

    /** @param strategies the calculators' revision, as {@link KpiCalculators#revision()} tells it */
    static FactsProjection over(Store store, java.util.function.LongSupplier strategies,
            FactsProjection.Loader loader) {
        FactsProjection projection = new FactsProjection(new EngineStore(store), strategies, loader);
        store.addCommitListener(projection);
        return projection;
    }

    /** A projection that keeps its snapshots in {@code data/kpi}, sealed by {@code store}, as the engine does. */
    static FactsProjection withFiles(Store store, java.nio.file.Path data) {
        org.revos.runtime.internal.persistence.EngineSeals seals = new org.revos.runtime.internal.persistence
                .EngineSeals(store);
        FactsProjection projection = new FactsProjection(new EngineStore(store), () -> 0, new FactsProjection.Loader() {
        }, new FactsFiles(seals, kpiFolder(data)));
        store.addCommitListener(projection);
        return projection;
    }

    private static java.nio.file.Path kpiFolder(java.nio.file.Path data) {
        try {
            return org.revos.runtime.internal.settings.EngineFolders.under(data).folder("kpi");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds the engine's entities to the store's persistence unit, as the kernel does when the engine starts. */
    static Store withEntities(Store store) {
        store.contribute("org.revos.kpi", java.util.List.of(KpiSettingsEntity.class), e -> {
            throw e;
        });
        return store;
    }

    /** Stops telling the projection of commits, as when the engine stops. */
    static void close(Store store, FactsProjection projection) {
        store.removeCommitListener(projection);
        projection.deactivate();
    }
}
