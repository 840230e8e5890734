package org.revos.runtime.internal.rest;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * JSON for the API through Jackson. The provider is registered as a class from a feature: registered as a whiteboard
 * instance it keeps Jersey's injection locator of the first container and every request fails after a reload.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName(JsonFeature.NAME)
@JakartarsMediaType("application/json")
@JakartarsApplicationSelect(RevosApplication.SELECT)
public final class JsonFeature implements Feature {

    /** Resources that speak JSON require this extension by name, so they wait for it. */
    public static final String NAME = "revos.json";
    public static final String REQUIRE = "(osgi.jakartars.name=" + NAME + ")";

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonJsonProvider.class);
        context.register(ObjectMapperResolver.class);
        return true;
    }
}
