/** Platform administration: tenants, their API keys, and the audit logs. */
package org.revos.runtime.internal.admin;
