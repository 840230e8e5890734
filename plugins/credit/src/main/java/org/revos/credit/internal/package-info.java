/**
 * The credit engine: turns each account's revenue history into credit ledger lines through the tenant's credit rule
 * plugin, keeps the ledger current as revenue events are recorded, replays it after a rule change, and serves
 * {@code /api/v1/credit/...}.
 */
package org.revos.credit.internal;
