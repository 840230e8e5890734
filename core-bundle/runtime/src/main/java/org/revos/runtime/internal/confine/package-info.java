/**
 * Confinement of the files a tenant names: every such name resolves inside the tenant's own folder,
 * {@code REVOS_DATA_DIR/tenants/<tenantId>/files/}, or is refused.
 */
package org.revos.runtime.internal.confine;
