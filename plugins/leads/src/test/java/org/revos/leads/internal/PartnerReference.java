package org.revos.leads.internal;

import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** A service reference of a strategy from a plugin with its own id, ranked above the shipped rules. */
final class PartnerReference {

    private PartnerReference() {
    }

    @SuppressWarnings("unchecked")
    static <S> ServiceReference<S> of(Class<S> service, String pluginId) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(PartnerReference.class.getClassLoader(),
                new Class<?>[] { Bundle.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> pluginId;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> pluginId;
                    default -> null;
                });
        return (ServiceReference<S>) Proxy.newProxyInstance(PartnerReference.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "compareTo" -> proxy == args[0] ? 0 : 1;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "getBundle" -> bundle;
                    case "getPropertyKeys" -> new String[0];
                    case "toString" -> pluginId + " " + service.getSimpleName() + " reference";
                    default -> null;
                });
    }
}
