package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedSeedsTest {

    @TempDir
    Path dir;
    private PluginStorage storage;
    private PluginJar funnel;
    private PluginJar revenue;

    @BeforeEach
    void shipped() throws Exception {
        storage = new PluginStorage(dir.resolve("plugins"));
        funnel = PluginJarTest.plugin("org.revos.kpi.funnel", "1.0.0", "a");
        revenue = PluginJarTest.plugin("org.revos.kpi.revenue", "1.0.0", "a");
    }

    @Test
    void theFirstStartStoresEveryShippedPluginAsShipped() throws Exception {
        List<String> done = ShippedSeeds.seed(storage, List.of(funnel, revenue));
        assertEquals(List.of("seeded org.revos.kpi.funnel 1.0.0", "seeded org.revos.kpi.revenue 1.0.0"), done);
        assertEquals(List.of(PluginInstaller.SHIPPED, PluginInstaller.SHIPPED),
                storage.list().stream().map(PluginStorage.Stored::origin).toList());
        assertEquals(Set.of(funnel.id(), revenue.id()), storage.seeded());
        assertEquals(List.of(), ShippedSeeds.seed(storage, List.of(funnel, revenue)), "a second start stores nothing");
    }

    @Test
    void aDataFolderOfARuntimeThatRanThemAsRunBundlesGetsThemSeeded() throws Exception {
        storage.save("org.acme.uploaded", PluginJarTest.plugin("org.acme.uploaded", "2.0.0", "a").bytes(),
                PluginInstaller.UPLOAD);
        ShippedSeeds.seed(storage, List.of(funnel, revenue));
        assertEquals(List.of("org.acme.uploaded", funnel.id(), revenue.id()),
                storage.list().stream().map(PluginStorage.Stored::id).toList());
        assertEquals(PluginInstaller.UPLOAD, storage.list().get(0).origin(), "the uploaded plugin is left alone");
    }

    @Test
    void aShippedPluginAnAdminRemovedStaysRemoved() throws Exception {
        ShippedSeeds.seed(storage, List.of(funnel, revenue));
        storage.delete(funnel.id());
        assertEquals(List.of(), ShippedSeeds.seed(storage, List.of(funnel, revenue)));
        assertEquals(List.of(revenue.id()), storage.list().stream().map(PluginStorage.Stored::id).toList());
    }

    @Test
    void aNewerDistributionUpdatesWhatIsStillStoredAsShippedButNotWhatAnAdminChose() throws Exception {
        ShippedSeeds.seed(storage, List.of(funnel, revenue));
        PluginJar adminsRevenue = PluginJarTest.plugin(revenue.id(), "0.9.0", "admin");
        storage.save(revenue.id(), adminsRevenue.bytes(), PluginInstaller.UPLOAD);
        PluginJar funnel11 = PluginJarTest.plugin(funnel.id(), "1.1.0", "a");
        PluginJar revenue11 = PluginJarTest.plugin(revenue.id(), "1.1.0", "a");
        assertEquals(List.of("updated the stored shipped plugin to org.revos.kpi.funnel 1.1.0"),
                ShippedSeeds.seed(storage, List.of(funnel11, revenue11)));
        assertArrayEquals(funnel11.bytes(), Files.readAllBytes(storage.list().get(0).jar()));
        assertArrayEquals(adminsRevenue.bytes(), Files.readAllBytes(storage.list().get(1).jar()));
        assertEquals(List.of(), ShippedSeeds.seed(storage, List.of(funnel, revenue11)),
                "an older distribution does not downgrade what is stored");
    }

    @Test
    void aPluginNewInTheDistributionIsSeededNextToTheOthers() throws Exception {
        ShippedSeeds.seed(storage, List.of(funnel));
        assertEquals(List.of("seeded org.revos.kpi.revenue 1.0.0"), ShippedSeeds.seed(storage, List.of(funnel,
                revenue)));
    }
}
