/** Funnel KPIs over the stage history of leads and deals. */
package org.revos.kpi.funnel.internal;
