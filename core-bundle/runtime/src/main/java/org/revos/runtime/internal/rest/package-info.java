/**
 * The REST API: the Jakarta REST application, its extensions and the core resources.
 * <p>
 * Core resources are singleton components: they hold only final references to services and take every request
 * detail ({@code SecurityContext}, {@code UriInfo}, headers) as method parameters, so one instance serves all
 * requests. Prototype scope cost a service-registry round trip per request (about 8 % of a GET's CPU, measured by
 * the bench). Plugins may use either scope.
 */
package org.revos.runtime.internal.rest;
