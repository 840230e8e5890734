/**
 * The credit engine, an engine bundle on the kernel's SPI: turns each account's revenue history into credit ledger
 * lines through the tenant's credit rule plugin ({@code org.revos.api.spi.CreditRule}, called through
 * {@code PluginCalls}), keeps the ledger current as revenue events are written ({@link StaleMarks}, a write hook, marks
 * their accounts stale in each write's transaction; {@link CreditEngine} works the marks off), replays it as a kernel
 * job after a rule change ({@link Recompute}), and serves {@code /api/v1/credit/...} ({@link CreditResource}). Its
 * entities keep the tables and JPQL names they had in the kernel.
 */
package org.revos.credit.internal;
