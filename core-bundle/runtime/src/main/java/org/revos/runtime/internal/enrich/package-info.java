/**
 * Enrichment: filling a new account's or lead's missing firmographics through the tenant's enrichment provider
 * plugins, after the creation has committed.
 */
package org.revos.runtime.internal.enrich;
