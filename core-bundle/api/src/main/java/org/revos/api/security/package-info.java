/**
 * Who is calling: the authenticated principal a plugin's REST resource finds in its
 * {@code SecurityContext#getUserPrincipal()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.revos.api.security;
