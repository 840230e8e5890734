package org.revos.runtime.internal.plugins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells whether a started plugin bundle really works, from the runtime's own state rather than by waiting a fixed
 * time: SCR's DTOs for its components (none may have failed to activate, none may miss a reference) and the Jakarta
 * REST whiteboard's DTO for its resources (none may have been refused). Also lists what a plugin provides.
 */
@Component(service = PluginHealth.class)
public final class PluginHealth {

    /** The API packages whose interfaces count as extension points in {@code provides}. */
    static final String API_PREFIX = "org.revos.api.";
    private static final Pattern ID_PROPERTY = Pattern.compile("revos\\.([a-z0-9_]+)\\.id");
    private static final String RESOURCE = "osgi.jakartars.resource";
    private static final String EXTENSION = "osgi.jakartars.extension";
    private static final long POLL_MILLIS = 20;

    private final ServiceComponentRuntime scr;
    private final RestRuntime rest;

    @Activate
    public PluginHealth(@Reference ServiceComponentRuntime scr, @Reference RestRuntime rest) {
        this.scr = scr;
        this.rest = rest;
    }

    /**
     * Waits, up to {@code bound}, until SCR reports every component the started {@code bundle} declares and none of
     * them misses a reference. Fails at once when a component fails to activate.
     * <p>
     * The REST whiteboard is deliberately not waited for: it applies a new resource by reloading the application's
     * container, which first waits for the requests in flight to finish, and an install requested over REST is one of
     * them. A resource the whiteboard refuses shows in {@link #problem}.
     *
     * @return what is wrong, one sentence each; empty when the plugin works
     */
    public List<String> await(Bundle bundle, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> unreadable = new ArrayList<>();
        int declared = ComponentDescriptors.count(bundle, unreadable);
        if (!unreadable.isEmpty()) {
            return unreadable.stream().map(u -> "component descriptor " + u).toList();
        }
        while (true) {
            if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
                return List.of("the bundle stopped while starting (state " + stateName(bundle.getState()) + ")");
            }
            Components components = components(bundle, declared);
            if (!components.failed().isEmpty()) {
                return components.failed();
            }
            if (components.waiting().isEmpty()) {
                return List.of();
            }
            if (System.nanoTime() > deadline) {
                return components.waiting();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** @return why the running {@code bundle} does not work right now, if it does not */
    public Optional<String> problem(Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            return Optional.of("the bundle is not started (state " + stateName(bundle.getState()) + ")");
        }
        Components components = components(bundle, 0);
        List<String> problems = new ArrayList<>(components.failed());
        problems.addAll(components.waiting());
        rest.status(restServices(bundle)).ifPresent(status -> problems.addAll(status.failures()));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /**
     * @return the {@code org.revos.api.*} interfaces the bundle's services implement, {@code kind:id} for every
     *         {@code revos.<kind>.id} service property and the REST operations the whiteboard serves for it
     */
    public List<String> provides(Bundle bundle) {
        Set<String> provides = new TreeSet<>();
        ServiceReference<?>[] services = registeredServices(bundle);
        if (services != null) {
            for (ServiceReference<?> service : services) {
                for (String type : (String[]) service.getProperty(Constants.OBJECTCLASS)) {
                    if (type.startsWith(API_PREFIX)) {
                        provides.add(type);
                    }
                }
                for (String key : service.getPropertyKeys()) {
                    Matcher id = ID_PROPERTY.matcher(key);
                    if (id.matches()) {
                        provides.add(id.group(1) + ":" + service.getProperty(key));
                    }
                }
            }
        }
        rest.status(restServices(bundle)).ifPresent(status -> provides.addAll(status.operations()));
        return List.copyOf(provides);
    }

    /** @return the ids of the bundle's Jakarta REST resource and extension services */
    public static Set<Long> restServices(Bundle bundle) {
        Set<Long> ids = new HashSet<>();
        ServiceReference<?>[] services = registeredServices(bundle);
        if (services != null) {
            for (ServiceReference<?> service : services) {
                if (isTrue(service.getProperty(RESOURCE)) || isTrue(service.getProperty(EXTENSION))) {
                    ids.add((Long) service.getProperty(Constants.SERVICE_ID));
                }
            }
        }
        return ids;
    }

    /** What SCR says about a bundle's components: fatal failures and what they still wait for. */
    private record Components(List<String> failed, List<String> waiting) {
    }

    private Components components(Bundle bundle, int declared) {
        List<String> failed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundle);
        if (descriptions.size() < declared) {
            waiting.add("SCR has loaded " + descriptions.size() + " of the " + declared + " components it declares");
        }
        for (ComponentDescriptionDTO description : descriptions) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                waiting.add("component " + description.name + " has not been created yet");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add("component " + description.name + " failed to activate: "
                            + FailureText.ofStackTrace(configuration.failure));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    waiting.add("component " + description.name + " " + unsatisfied(description, configuration));
                }
            }
        }
        return new Components(failed, waiting);
    }

    private static String unsatisfied(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        List<String> references = new ArrayList<>();
        for (UnsatisfiedReferenceDTO missing : configuration.unsatisfiedReferences) {
            String type = "a service";
            for (ReferenceDTO reference : description.references) {
                if (reference.name.equals(missing.name)) {
                    type = reference.interfaceName;
                }
            }
            references.add(missing.name + " (" + type + (missing.target == null ? "" : " " + missing.target) + ")");
        }
        return "misses the service" + (references.size() > 1 ? "s it references: " : " it references: ")
                + String.join(", ", references) + " — nothing registers a match";
    }

    /** @return the bundle's services; none when it is not running (or was uninstalled meanwhile) */
    private static ServiceReference<?>[] registeredServices(Bundle bundle) {
        try {
            return bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING
                    ? bundle.getRegisteredServices() : null;
        } catch (IllegalStateException uninstalled) {
            return null;
        }
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "ACTIVE";
        };
    }
}
