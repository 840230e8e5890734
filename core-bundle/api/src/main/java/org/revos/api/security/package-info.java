/**
 * Who is calling: the authenticated principal a plugin's REST resource finds in its
 * {@code SecurityContext#getUserPrincipal()}, and the files a tenant may name ({@link org.revos.api.security.TenantFiles}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.revos.api.security;
