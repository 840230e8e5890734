/**
 * Integration tests against the real runtime: {@link org.revos.testkit.runtime.RevosRuntime} on a test class starts
 * the runtime jar as its own process on a free port of 127.0.0.1 with a fresh data folder, creates a tenant with an
 * ADMIN key, hot-deploys the plugin under test over {@code POST /api/v1/admin/plugins} and hands the test methods a
 * {@link org.revos.testkit.runtime.RevosClient} bound to the tenant's key.
 */
package org.revos.testkit.runtime;
