package org.revos.osgitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The plugin gateway's limits are ConfigAdmin configuration ({@code org.revos.gateway}): a change reaches the running
 * gateway without restarting it (and so without restarting every component that calls plugins), and deleting the
 * configuration brings the defaults back.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class GatewayConfigurationIT {

    private static final String COMPONENT = "org.revos.runtime.internal.gateway.PluginGateway";

    @InjectBundleContext
    BundleContext context;

    @Test
    void aChangedConfigurationReachesTheRunningGatewayAndDeletingItRestoresTheDefaults(
            @InjectService(timeout = 30_000) ConfigurationAdmin configAdmin,
            @InjectService(timeout = 30_000) ServiceComponentRuntime scr) throws Exception {
        Bundle runtime = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals("org.revos.runtime"))
                .findFirst().orElseThrow();
        ComponentDescriptionDTO gateway = scr.getComponentDescriptionDTO(runtime, COMPONENT);
        assertNotNull(gateway, "the gateway is a component of the runtime");
        long before = active(scr, gateway, c -> true, "active").id;

        Configuration configuration = configAdmin.getConfiguration("org.revos.gateway", "?");
        try {
            Hashtable<String, Object> limits = new Hashtable<>();
            limits.put("maxConcurrent", 3);
            limits.put("timeoutMillis", 2_500L);
            configuration.update(limits);
            ComponentConfigurationDTO changed = active(scr, gateway,
                    c -> Integer.valueOf(3).equals(c.properties.get("maxConcurrent")), "changed");
            assertEquals(2_500L, ((Number) changed.properties.get("timeoutMillis")).longValue());
            assertEquals(before, changed.id, "modified in place, not deactivated and activated again");
        } finally {
            configuration.delete();
        }
        ComponentConfigurationDTO restored = active(scr, gateway,
                c -> Integer.valueOf(8).equals(c.properties.get("maxConcurrent")), "restored to the defaults");
        assertEquals(10_000L, ((Number) restored.properties.get("timeoutMillis")).longValue());
        assertEquals(before, restored.id);
    }

    /** @return the gateway's active configuration once it satisfies {@code wanted}, waiting up to 20 s */
    private static ComponentConfigurationDTO active(ServiceComponentRuntime scr, ComponentDescriptionDTO gateway,
            Predicate<ComponentConfigurationDTO> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            ComponentConfigurationDTO found = scr.getComponentConfigurationDTOs(gateway).stream()
                    .filter(c -> c.state == ComponentConfigurationDTO.ACTIVE || c.state
                            == ComponentConfigurationDTO.SATISFIED).filter(wanted).findFirst().orElse(null);
            if (found != null || System.nanoTime() > deadline) {
                assertNotNull(found, "the gateway's configuration did not become " + what + " within 20 s: "
                        + scr.getComponentConfigurationDTOs(gateway).stream().map(c -> c.state + " " + c.properties)
                                .toList());
                return found;
            }
            Thread.sleep(20);
        }
    }
}
