/**
 * Persistence: EclipseLink on Derby. Tenant data entities are {@code @Multitenant(SINGLE_TABLE)}: an entity manager
 * opened for a tenant reads and writes that tenant's rows only, JPQL included, so no query can forget the tenant.
 */
package org.revos.runtime.internal.persistence;
