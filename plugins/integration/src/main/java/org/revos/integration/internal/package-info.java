/**
 * CSV imports and exports through the Importer and Exporter plugins: {@code /api/v1/imports} as resumable jobs,
 * {@code /api/v1/exports} streamed.
 */
package org.revos.integration.internal;
