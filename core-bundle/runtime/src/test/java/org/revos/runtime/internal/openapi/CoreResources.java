package org.revos.runtime.internal.openapi;

import java.util.List;
import java.util.stream.Stream;

import org.revos.runtime.internal.admin.ApiKeysResource;
import org.revos.runtime.internal.admin.AuditResource;
import org.revos.runtime.internal.admin.PlatformAuditResource;
import org.revos.runtime.internal.admin.TenantsResource;
import org.revos.runtime.internal.rest.AccountsResource;
import org.revos.runtime.internal.rest.ActivitiesResource;
import org.revos.runtime.internal.rest.ContactsResource;
import org.revos.runtime.internal.rest.DealsResource;
import org.revos.runtime.internal.rest.GoalsResource;
import org.revos.runtime.internal.rest.HealthResource;
import org.revos.runtime.internal.rest.LeadsResource;
import org.revos.runtime.internal.rest.PropertiesResource;
import org.revos.runtime.internal.rest.RevenueEventsResource;
import org.revos.runtime.internal.rest.UsersResource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The core's resource classes, as the runtime registers them, and the document they make. */
final class CoreResources {

    static final List<Class<?>> CLASSES = List.of(UsersResource.class, AccountsResource.class,
            ContactsResource.class, LeadsResource.class, DealsResource.class, ActivitiesResource.class,
            RevenueEventsResource.class, GoalsResource.class, HealthResource.class, TenantsResource.class,
            ApiKeysResource.class, AuditResource.class, PlatformAuditResource.class, OpenApiResource.class,
            PropertiesResource.class);

    /** Every resource class of the kernel (engines' are OpenApiIT's and their own document tests'). */
    static final List<Class<?>> EVERY = Stream.concat(CLASSES.stream(), Stream.of(
            org.revos.runtime.internal.admin.PluginsResource.class,
            org.revos.runtime.internal.admin.TenantPluginsResource.class,
            org.revos.runtime.internal.jobs.JobsResource.class,
            org.revos.runtime.internal.rest.GoalRevisionsResource.class)).toList();

    private CoreResources() {
    }

    /** @return the document of {@link #EVERY} resource class */
    static ObjectNode everything() {
        return OpenApiGenerator.generate("1.2.3", EVERY.stream().map(DiscoveredResource::core).toList());
    }

    static List<DiscoveredResource> discovered(Class<?>... extra) {
        return Stream.concat(CLASSES.stream(), Stream.of(extra)).map(DiscoveredResource::core).toList();
    }

    static ObjectNode document() {
        return OpenApiGenerator.generate("1.2.3", discovered());
    }
}
