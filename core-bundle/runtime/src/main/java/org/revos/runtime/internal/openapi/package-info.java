/**
 * {@code GET /api/v1/openapi.json}: an OpenAPI 3.1 document generated at run time from the Jakarta REST resources the
 * {@code revos} application serves, core and plugin alike, and from the declarative descriptions of the tenant
 * collections. Nothing in it is written by hand; it is rebuilt when resources come and go.
 */
package org.revos.runtime.internal.openapi;
