/**
 * The KPI engine, an engine bundle on the kernel's SPI: the KPI calculators of the plugins enabled for a tenant
 * ({@code org.revos.api.spi.KpiCalculator}, called through {@code PluginCalls}), computed over an in-memory column
 * projection of the tenant's facts ({@link org.revos.kpi.internal.FactsProjection}) that the kernel's change feed
 * ({@code CommitListener}) keeps up to date write by write and that is read whole again whenever it cannot be; goals
 * with pacing and roll-up; the goal matrix; the revenue summary; the tenant's KPI settings (table {@code KPI_SETTINGS},
 * kept from when the kernel held it). It offers the API's {@code KpiCatalog} to other capabilities and the facts of
 * the API's {@code TenantData} through the kernel's {@code FactsSource}.
 */
package org.revos.kpi.internal;
