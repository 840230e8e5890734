package org.revos.runtime.internal.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Application;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.AnyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.revos.runtime.internal.rest.AccessFilter;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document of the {@code revos} application. It follows the Jakarta REST resource services as they are
 * registered, changed and unregistered (core and plugin bundles alike), keeps only their service references, and
 * builds the document from their classes when it is first asked for after a change.
 * <p>
 * A resource's class is loaded from the registering bundle by the names it is registered under; only when none of
 * those carries Jakarta REST annotations (a resource registered as {@code Object} or a plain interface) is one
 * instance got, to learn its class, and released at once.
 */
@Component(service = ApiDocument.class, immediate = true)
public final class ApiDocument {

    private static final Logger LOG = Logger.getLogger(ApiDocument.class.getName());

    private final BundleContext context;
    private final ServiceReference<?> application;
    private final String version;
    private final Set<ServiceReference<?>> resources = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private long changes;
    private ObjectNode cached;

    @Activate
    public ApiDocument(BundleContext context, @Reference(service = Application.class,
            target = RevosApplication.SELECT) ServiceReference<Application> application) {
        this(context, application, context.getBundle().getVersion().toString());
    }

    /** For tests: a document of the resources bound to it, with the given application and API version. */
    ApiDocument(BundleContext context, ServiceReference<?> application, String version) {
        this.context = context;
        this.application = application;
        this.version = version;
    }

    @Reference(service = AnyService.class, target = "(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE
            + "=true)", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeResource", updated = "updatedResource")
    void addResource(ServiceReference<?> resource) {
        resources.add(resource);
        changed();
    }

    void updatedResource(ServiceReference<?> resource) {
        changed();
    }

    void removeResource(ServiceReference<?> resource) {
        resources.remove(resource);
        changed();
    }

    /** @return the document of the resources registered now; do not modify it */
    public ObjectNode document() {
        long seen;
        synchronized (lock) {
            if (cached != null) {
                return cached;
            }
            seen = changes;
        }
        ObjectNode built = OpenApiGenerator.generate(version, discover());
        synchronized (lock) {
            if (seen == changes) {
                cached = built;
            }
        }
        return built;
    }

    private void changed() {
        synchronized (lock) {
            changes++;
            cached = null;
        }
    }

    private List<DiscoveredResource> discover() {
        List<DiscoveredResource> found = new ArrayList<>();
        for (ServiceReference<?> reference : resources) {
            if (selectsRevos(reference)) {
                resourceClass(reference).ifPresent(type -> found.add(new DiscoveredResource(type, plugin(reference))));
            }
        }
        return found;
    }

    /**
     * @return whether one of the resource's application select filters (a string or several, as the whiteboard reads
     *         them) matches the {@code revos} application
     */
    boolean selectsRevos(ServiceReference<?> resource) {
        Object select = resource.getProperty(JakartarsWhiteboardConstants.JAKARTA_RS_APPLICATION_SELECT);
        List<Object> filters = select instanceof String[] many ? List.of((Object[]) many)
                : select instanceof Collection<?> collection ? List.copyOf(collection)
                : select == null ? List.of() : List.of(select);
        for (Object filter : filters) {
            try {
                if (FrameworkUtil.createFilter(String.valueOf(filter)).match(application)) {
                    return true;
                }
            } catch (InvalidSyntaxException e) {
                LOG.log(Level.FINE, "Ignoring the invalid application select filter " + filter, e);
            }
        }
        return false;
    }

    private Optional<Class<?>> resourceClass(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return Optional.empty();
        }
        String[] names = (String[]) reference.getProperty(Constants.OBJECTCLASS);
        for (String name : names == null ? new String[0] : names) {
            try {
                Class<?> type = bundle.loadClass(name);
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    return Optional.of(type);
                }
            } catch (ClassNotFoundException | IllegalStateException | LinkageError e) {
                LOG.log(Level.FINE, "Cannot load " + name + " from " + bundle.getSymbolicName(), e);
            }
        }
        return instanceClass(reference);
    }

    private <S> Optional<Class<?>> instanceClass(ServiceReference<S> reference) {
        ServiceObjects<S> objects = context == null ? null : context.getServiceObjects(reference);
        S service = objects == null ? null : objects.getService();
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(service.getClass());
        } finally {
            objects.ungetService(service);
        }
    }

    private static String plugin(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle != null && bundle.getHeaders().get(AccessFilter.PLUGIN_HEADER) != null
                ? bundle.getSymbolicName() : null;
    }
}
