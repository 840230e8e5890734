package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * Resolves a freshly installed plugin bundle on its own against the live wiring, and when that fails, says which of
 * its requirements nothing in the runtime satisfies and what the runtime offers instead.
 */
final class Resolution {

    private final BundleContext context;
    private final FrameworkWiring wiring;

    Resolution(BundleContext context, FrameworkWiring wiring) {
        this.context = context;
        this.wiring = wiring;
    }

    /**
     * Resolves {@code candidate} alone; no other bundle is resolved, refreshed or rewired.
     *
     * @throws Problem 422 listing each unsatisfied requirement in words
     */
    void resolveAlone(Bundle candidate, PluginJar jar) {
        if (wiring.resolveBundles(List.of(candidate))) {
            return;
        }
        List<FieldError> errors = unsatisfied(candidate);
        if (errors.isEmpty()) {
            errors = List.of(new FieldError(Constants.IMPORT_PACKAGE, "cannot be wired consistently: every"
                    + " requirement has a provider, but together they conflict (uses constraints) with the packages"
                    + " this runtime has already wired"));
        }
        throw Problem.unprocessable("Plugin cannot be resolved", jar.label() + " cannot be resolved: "
                + String.join("; ", errors.stream().map(FieldError::message).toList()), errors);
    }

    /** @return one error per mandatory requirement of {@code candidate} that no bundle of the runtime satisfies */
    List<FieldError> unsatisfied(Bundle candidate) {
        List<FieldError> errors = new ArrayList<>();
        BundleRevision revision = candidate.adapt(BundleRevision.class);
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            Map<String, String> directives = requirement.getDirectives();
            String effective = directives.get(Constants.EFFECTIVE_DIRECTIVE);
            if (Constants.RESOLUTION_OPTIONAL.equals(directives.get(Constants.RESOLUTION_DIRECTIVE))
                    || (effective != null && !Constants.EFFECTIVE_RESOLVE.equals(effective))
                    || !wiring.findProviders(requirement).isEmpty()) {
                continue;
            }
            String namespace = requirement.getNamespace();
            String filter = directives.get(Constants.FILTER_DIRECTIVE);
            List<Version> offered = offered(namespace, RequirementText.name(namespace, filter), candidate);
            errors.add(new FieldError(RequirementText.header(namespace),
                    RequirementText.describe(namespace, filter, offered)));
        }
        return errors;
    }

    /** @return the versions of the capabilities named {@code name} that bundles other than {@code exclude} declare */
    private List<Version> offered(String namespace, Optional<String> name, Bundle exclude) {
        List<Version> versions = new ArrayList<>();
        if (name.isEmpty()) {
            return versions;
        }
        String nameAttribute = RequirementText.nameAttribute(namespace);
        String versionAttribute = RequirementText.versionAttribute(namespace);
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.equals(exclude) || bundle.getState() == Bundle.UNINSTALLED ? null
                    : bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(namespace)) {
                if (names(capability.getAttributes().get(nameAttribute), name.get())) {
                    addVersions(capability.getAttributes().get(versionAttribute), versions);
                }
            }
        }
        return versions;
    }

    private static boolean names(Object attribute, String name) {
        if (attribute instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> name.equals(String.valueOf(v)));
        }
        return attribute != null && name.equals(String.valueOf(attribute));
    }

    private static void addVersions(Object attribute, List<Version> versions) {
        if (attribute instanceof Collection<?> values) {
            values.forEach(v -> addVersions(v, versions));
        } else if (attribute instanceof Version v) {
            versions.add(v);
        } else if (attribute == null) {
            versions.add(Version.emptyVersion);
        } else {
            try {
                versions.add(Version.parseVersion(String.valueOf(attribute)));
            } catch (IllegalArgumentException notAVersion) {
                // an attribute that is not a version says nothing about versions offered
            }
        }
    }
}
