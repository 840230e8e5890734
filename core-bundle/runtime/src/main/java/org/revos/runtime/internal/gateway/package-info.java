/**
 * The one gateway every call into plugin code goes through: a timeout, a concurrency cap per plugin, failure and
 * latency counts, and quarantine of a plugin for a tenant when it keeps failing. A plugin can be slow or broken; the
 * runtime and the other tenants stay up.
 */
package org.revos.runtime.internal.gateway;
