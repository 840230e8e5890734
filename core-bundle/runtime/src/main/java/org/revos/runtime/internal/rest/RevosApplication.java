package org.revos.runtime.internal.rest;

import jakarta.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * The one Jakarta REST application of RevOS, at {@code /api/v1}. Core and plugin resources and extensions select it
 * with {@link #SELECT}.
 */
@Component(service = Application.class)
@JakartarsName(RevosApplication.NAME)
@JakartarsApplicationBase("api/v1")
public final class RevosApplication extends Application {

    public static final String NAME = "revos";
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
