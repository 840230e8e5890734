/**
 * Read access to a tenant's data for plugins. Plugins never touch JPA or JDBC; the runtime scopes every query to one tenant.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.revos.api.query;
