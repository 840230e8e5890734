/**
 * The KPI engine: calculators of the plugins enabled for a tenant, computed over an in-memory column projection of the
 * tenant's facts; goals with pacing and roll-up; the goal matrix.
 */
package org.revos.runtime.internal.kpi;
