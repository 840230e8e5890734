/** The default lead intake strategies: filters, scoring and routing over the tenant's intake settings. */
package org.revos.leads.rules.internal;
