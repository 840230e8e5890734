/**
 * In-memory stand-ins for what the RevOS runtime hands a plugin, built fluently so a plugin's unit tests need no
 * runtime: the facts a KPI calculator reads ({@link org.revos.testkit.KpiRequests}), one account's credit input
 * ({@link org.revos.testkit.CreditInputs}), an adoption probe's context ({@link org.revos.testkit.ProbeContexts}), the
 * inputs of lead intake strategies ({@link org.revos.testkit.Leads}), a tenant's data
 * ({@link org.revos.testkit.InMemoryTenantData}) and events ({@link org.revos.testkit.Events}). Everything is built
 * from the public API types only, so a test written with the kit holds against any runtime that provides the same
 * API package versions.
 */
package org.revos.testkit;
