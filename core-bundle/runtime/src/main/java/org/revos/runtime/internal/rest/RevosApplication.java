package org.revos.runtime.internal.rest;

import java.util.Set;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.security.ApiKeys;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * The one Jakarta REST application of RevOS, at {@code /api/v1}. Core and plugin resources select it with
 * {@link #SELECT}. Authentication, JSON and error mapping belong to the application itself, not to whiteboard
 * extensions, so no resource can ever be served before they are in place.
 */
@Component(service = Application.class)
@JakartarsName(RevosApplication.NAME)
@JakartarsApplicationBase("api/v1")
public final class RevosApplication extends Application {

    public static final String NAME = org.revos.kernel.spi.rest.RevosResources.APPLICATION;
    public static final String SELECT = org.revos.kernel.spi.rest.RevosResources.APPLICATION_SELECT;

    private final AccessFilter accessFilter;

    @Activate
    public RevosApplication(@Reference ApiKeys keys, @Reference TenantPlugins plugins) {
        this.accessFilter = new AccessFilter(keys, plugins);
    }

    @Override
    public Set<Class<?>> getClasses() {
        // Jackson's provider is registered as a class: as an instance it would keep Jersey's injection locator of
        // the first container and fail every request after a reload.
        return Set.of(JacksonJsonProvider.class, JsonBodyReader.class, ObjectMapperResolver.class,
                ExceptionMappers.ProblemMapper.class,
                ExceptionMappers.MalformedJsonMapper.class, ExceptionMappers.WebApplicationMapper.class,
                ExceptionMappers.UnexpectedMapper.class, RequestBodyDrain.class, MediaTypeHeaders.class,
                DeclaredQueryParameters.class);
    }

    @Override
    public Set<Object> getSingletons() {
        return Set.of(accessFilter);
    }
}
