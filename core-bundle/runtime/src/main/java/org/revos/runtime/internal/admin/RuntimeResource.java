package org.revos.runtime.internal.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.rest.Access;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/runtime}: what this runtime is and what a plugin can compile against. A plugin resolves
 * when every package it imports is offered here in a version its import range admits (bnd writes ranges such as
 * {@code [1.2,2)} for a plugin built against 1.2.0), so a partner reads this to know whether a plugin built against an
 * API release installs. Read from the live wiring, never from a list kept by hand.
 */
@Component(service = RuntimeResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.AUTHENTICATED)
@Path("runtime")
@Produces(MediaType.APPLICATION_JSON)
public final class RuntimeResource {

    static final String API_BUNDLE = "org.revos.api";
    static final String KERNEL_BUNDLE = "org.revos.runtime";

    private final BundleContext context;

    @Activate
    public RuntimeResource(BundleContext context) {
        this.context = context;
    }

    @GET
    public JsonNode describe() {
        Bundle kernel = context.getBundle();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("version", kernel.getVersion().toString());
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        out.putObject("platform").put("framework", system.getSymbolicName() + " " + system.getVersion())
                .put("java", System.getProperty("java.version")).put("javaVendor", System.getProperty("java.vendor"));
        ArrayNode api = out.putArray("apiPackages");
        ArrayNode spi = out.putArray("engineSpiPackages");
        for (Bundle bundle : context.getBundles()) {
            if (API_BUNDLE.equals(bundle.getSymbolicName())) {
                exports(bundle).forEach((name, version) -> api.addObject().put("name", name).put("version", version)
                        .put("bundleVersion", bundle.getVersion().toString()));
            } else if (KERNEL_BUNDLE.equals(bundle.getSymbolicName())) {
                exports(bundle).forEach((name, version) -> spi.addObject().put("name", name).put("version", version)
                        .put("import", "Import-Package: " + name + ";version=\"[" + major(version) + ","
                                + (major(version) + 1) + ")\";revos-engine=true"));
            }
        }
        return out;
    }

    /** @return the packages a bundle exports now, by name, with their versions */
    static Map<String, String> exports(Bundle bundle) {
        Map<String, String> out = new TreeMap<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return out;
        }
        List<BundleCapability> packages = revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE);
        packages.stream().sorted(Comparator.comparing(c -> (String) c.getAttributes()
                .get(PackageNamespace.PACKAGE_NAMESPACE))).forEach(c -> out.put(
                        (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                        String.valueOf(c.getAttributes().getOrDefault(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE,
                                Version.emptyVersion))));
        return out;
    }

    private static int major(String version) {
        return Version.parseVersion(version).getMajor();
    }
}
