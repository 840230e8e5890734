package org.revos.kernel.spi.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource class. Resources without it (plugin resources included) are {@link Level#TENANT}.
 * <p>
 * On a resource method it narrows the class's level for that method (writes of webhooks by tenant ADMIN keys only,
 * say). The access filter sees only the matched class, so such a method checks the narrower rule itself; the
 * annotation is what the OpenAPI document states, and a black-box test holds the two together.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Access {

    Level value();

    /** Access levels. */
    enum Level {
        /** No key needed (health). */
        PUBLIC,
        /** Any valid key: platform or tenant, of any role (the API's own description). */
        AUTHENTICATED,
        /** Platform-admin keys only. */
        PLATFORM,
        /** Tenant keys: every role may read (GET, HEAD), ADMIN and MEMBER may write. */
        TENANT,
        /** Tenant ADMIN keys only. */
        TENANT_ADMIN
    }
}
