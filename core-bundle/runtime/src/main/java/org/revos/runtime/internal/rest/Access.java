package org.revos.runtime.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource class. Resources without it (plugin resources included) are {@link Level#TENANT}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
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
