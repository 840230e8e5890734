package org.revos.runtime.internal.plugins;

import java.lang.reflect.Proxy;

import org.osgi.framework.ServiceReference;

/** Service references for plugin services registered by tests without a framework. */
public final class BundlelessReference {

    private BundlelessReference() {
    }

    /** @return a service reference of a bundle-less service, ranked like any other */
    @SuppressWarnings("unchecked")
    public static <S> ServiceReference<S> of(Class<S> service) {
        return (ServiceReference<S>) Proxy.newProxyInstance(BundlelessReference.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "compareTo" -> 0;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "getPropertyKeys" -> new String[0];
                    case "toString" -> "bundle-less " + service.getSimpleName() + " reference";
                    default -> null;
                });
    }
}
