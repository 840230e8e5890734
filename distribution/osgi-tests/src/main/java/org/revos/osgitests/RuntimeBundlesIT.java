package org.revos.osgitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The shape of the running system: wiring rules, components and the REST application. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class RuntimeBundlesIT {

    @InjectBundleContext
    BundleContext context;

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    /**
     * Once the runtime says it is up: until then the stored plugins are being restored, as one batch that installs
     * and resolves them all before it starts any.
     */
    @Test
    void everyBundleIsActive(@InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> httpRuntime)
            throws InterruptedException {
        RestAndEventsIT.awaitHealthy(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                RestAndEventsIT.endpoint(httpRuntime.getServiceReference()) + "api/v1");
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + " is in state " + b.getState()).toList();
        assertEquals(List.of(), notActive);
    }

    @Test
    void theRuntimeExportsOnlyTheEngineSpiAndOnlyToBundlesThatAskForIt() {
        Bundle runtime = bundle("org.revos.runtime");
        BundleWiring wiring = runtime.adapt(BundleWiring.class);
        List<BundleCapability> exports = wiring.getCapabilities("osgi.wiring.package");
        assertEquals(List.of("org.revos.kernel.spi", "org.revos.kernel.spi.objects", "org.revos.kernel.spi.rest"),
                exports.stream().map(c -> c.getAttributes().get("osgi.wiring.package")).sorted().toList());
        for (BundleCapability export : exports) {
            assertEquals("revos-engine", export.getDirectives().get("mandatory"),
                    "a plugin cannot wire to the kernel SPI by accident: " + export);
        }
        for (BundleWire wire : wiring.getProvidedWires("osgi.wiring.package")) {
            assertTrue(wire.getRequirement().getDirectives().getOrDefault("filter", "").contains("revos-engine"),
                    wire.getRequirer().getSymbolicName() + " wires to the kernel without asking for the engine SPI");
        }
        List<String> apiPackages = wiring.getRequiredWires("osgi.wiring.package").stream()
                .filter(w -> w.getProvider().getSymbolicName().equals("org.revos.api"))
                .map(w -> (String) w.getCapability().getAttributes().get("osgi.wiring.package")).toList();
        assertTrue(apiPackages.contains("org.revos.api.query"), apiPackages.toString());
    }

    @Test
    void theApiBundleDependsOnNothingButItself() {
        BundleWiring wiring = bundle("org.revos.api").adapt(BundleWiring.class);
        List<String> providers = wiring.getRequiredWires("osgi.wiring.package").stream()
                .map(BundleWire::getProvider).map(p -> p.getSymbolicName()).distinct().toList();
        assertTrue(providers.stream().allMatch("org.revos.api"::equals), providers.toString());
    }

    @Test
    void everyRuntimeComponentIsSatisfied(
            @InjectService(timeout = 30_000) ServiceComponentRuntime scr) {
        Bundle runtime = bundle("org.revos.runtime");
        List<String> problems = scr.getComponentDescriptionDTOs(runtime).stream()
                .flatMap((ComponentDescriptionDTO d) -> scr.getComponentConfigurationDTOs(d).stream())
                .filter(c -> c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED)
                .map(c -> c.description.name + " state " + c.state + " unsatisfied "
                        + Arrays.stream(c.unsatisfiedReferences).map(r -> r.name).collect(Collectors.joining(",")))
                .toList();
        assertEquals(List.of(), problems);
        assertTrue(scr.getComponentDescriptionDTOs(runtime).size() >= 15);
    }

    @Test
    void theRestApplicationHasEveryCoreResourceAndNoFailures(
            @InjectService(timeout = 30_000) JakartarsServiceRuntime rest) throws InterruptedException {
        ApplicationDTO revos = null;
        RuntimeDTO dto = null;
        for (int i = 0; i < 300 && revos == null; i++) {
            dto = rest.getRuntimeDTO();
            revos = Arrays.stream(dto.applicationDTOs).filter(a -> "revos".equals(a.name))
                    .filter(a -> a.resourceDTOs.length >= 12).findFirst().orElse(null);
            if (revos == null) {
                Thread.sleep(100);
            }
        }
        assertNotNull(revos, "the revos application came up with its resources");
        assertEquals("/api/v1", revos.base.replaceAll("/$", "").replaceAll("^(?!/)", "/"));
        assertEquals(0, dto.failedResourceDTOs.length, "no resource failed");
        assertEquals(0, dto.failedApplicationDTOs.length, "no application failed");
    }
}
