/** The plugin lifecycle: transactional installs, per-tenant enablement and configuration. */
package org.revos.runtime.internal.plugins;
