/**
 * Lead intake strategies: how a tenant's sign-ups are filtered ({@link org.revos.api.leads.LeadFilter}), scored
 * ({@link org.revos.api.leads.LeadScoring}) and routed ({@link org.revos.api.leads.LeadRouting}). The lead intake
 * engine calls the strategies of the plugins a tenant has enabled, in that order, with inputs it builds
 * ({@code @ProviderType}: only the engine implements them, so they may gain methods in minor versions); the strategies
 * answer with results built through the factories and builders of this package, which may gain members too. A
 * partner writes a strategy against this package alone.
 * <p>
 * 1.1.0: {@link org.revos.api.leads.FilterContext#existingEmail} and
 * {@link org.revos.api.leads.FilterContext#existingDomain}, with {@link org.revos.api.leads.ExistingObject}: the
 * tenant's leads, contacts and accounts with a sign-up's e-mail or domain, not only the sign-ups intake saw.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.revos.api.leads;
