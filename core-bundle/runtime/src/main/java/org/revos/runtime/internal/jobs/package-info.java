/**
 * Long work run in the background and reported at {@code /api/v1/jobs/{id}}: status, progress and per-row errors.
 */
package org.revos.runtime.internal.jobs;
