/** Recurring-revenue KPIs over the revenue ledger. */
package org.revos.kpi.revenue.internal;
