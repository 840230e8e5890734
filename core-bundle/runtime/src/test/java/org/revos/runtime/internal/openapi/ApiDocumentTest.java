package org.revos.runtime.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.revos.runtime.internal.rest.AccessFilter;
import org.revos.runtime.internal.rest.AccountsResource;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The document follows resource services as they come and go, as a plugin's do when it is installed and removed
 * while the runtime serves. Service references and bundles are stand-ins that answer what the framework would.
 */
class ApiDocumentTest {

    private static final String SELECT = "osgi.jakartars.application.select";
    private static final Bundle RUNTIME = bundle("org.revos.runtime", false);
    private static final Bundle PLUGIN = bundle("org.example.greetings", true);

    private final List<Object> released = new ArrayList<>();
    private final ApiDocument api = new ApiDocument(context(), reference(Map.of("osgi.jakartars.name",
            RevosApplication.NAME), RUNTIME), "2.0.0");

    @Test
    void pluginEndpointsAppearWhenRegisteredAndDisappearWhenUnregistered() {
        api.addResource(resource(AccountsResource.class.getName(), RevosApplication.SELECT, RUNTIME));
        assertTrue(paths().contains("/accounts"));
        assertFalse(paths().contains("/greetings/hello/{name}"));

        ServiceReference<?> greetings = resource(SampleResources.GreetingResource.class.getName(),
                RevosApplication.SELECT, PLUGIN);
        api.addResource(greetings);
        ObjectNode withPlugin = api.document();
        assertTrue(paths().contains("/greetings/hello/{name}"));
        assertEquals("org.example.greetings",
                withPlugin.at("/paths/~1greetings~1hello~1{name}/get/x-revos-plugin").asText());

        api.removeResource(greetings);
        assertFalse(paths().contains("/greetings/hello/{name}"));
        assertTrue(paths().contains("/accounts"));
    }

    @Test
    void theDocumentIsBuiltOncePerChange() {
        api.addResource(resource(AccountsResource.class.getName(), RevosApplication.SELECT, RUNTIME));
        ObjectNode first = api.document();
        assertSame(first, api.document());
        api.updatedResource(resource(AccountsResource.class.getName(), RevosApplication.SELECT, RUNTIME));
        assertNotSame(first, api.document());
        assertEquals(first, api.document());
        assertEquals("2.0.0", first.at("/info/version").asText());
    }

    @Test
    void onlyResourcesSelectingTheRevosApplicationAreDescribed() {
        api.addResource(resource(AccountsResource.class.getName(), null, RUNTIME));
        api.addResource(resource(SampleResources.ForecastResource.class.getName(), "(osgi.jakartars.name=other)",
                PLUGIN));
        api.addResource(resource(SampleResources.GreetingResource.class.getName(),
                new String[] { "(osgi.jakartars.name=other)", RevosApplication.SELECT }, PLUGIN));
        api.addResource(resource(SampleResources.LineStore.class.getName(), "(not a filter", PLUGIN));
        assertEquals(List.of("/greetings/hello/{name}"), paths());
    }

    @Test
    void aResourceRegisteredUnderAPlainInterfaceIsLookedAtOnceAndReleased() {
        api.addResource(resource(Runnable.class.getName(), RevosApplication.SELECT, PLUGIN));
        assertTrue(paths().contains("/greetings/hello/{name}"));
        assertEquals(1, released.size(), "the instance got to learn its class is given back");
        assertTrue(released.get(0) instanceof SampleResources.GreetingResource);
    }

    @Test
    void aResourceWhoseBundleIsGoneIsSkipped() {
        api.addResource(resource(AccountsResource.class.getName(), RevosApplication.SELECT, null));
        assertFalse(paths().contains("/accounts"));
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        api.document().get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static ServiceReference<?> resource(String objectClass, Object select, Bundle bundle) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.OBJECTCLASS, new String[] { objectClass });
        properties.put("osgi.jakartars.resource", Boolean.TRUE);
        if (select != null) {
            properties.put(SELECT, select);
        }
        return reference(properties, bundle);
    }

    private static ServiceReference<?> reference(Map<String, Object> properties, Bundle bundle) {
        return (ServiceReference<?>) Proxy.newProxyInstance(ApiDocumentTest.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getPropertyKeys" -> properties.keySet().toArray(new String[0]);
                    case "getProperties" -> new Hashtable<>(properties);
                    case "getBundle" -> bundle;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "ServiceReference" + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Bundle bundle(String symbolicName, boolean plugin) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (plugin) {
            headers.put(AccessFilter.PLUGIN_HEADER, "true");
        }
        return (Bundle) Proxy.newProxyInstance(ApiDocumentTest.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "loadClass" -> Class.forName((String) args[0]);
                    case "getHeaders" -> headers;
                    case "getSymbolicName" -> symbolicName;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A context whose services are greeting resources, recording what is given back. */
    private BundleContext context() {
        ServiceObjects<?> objects = (ServiceObjects<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServiceObjects.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getService" -> new SampleResources.GreetingResource();
                    case "ungetService" -> released.add(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getServiceObjects" -> objects;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
