/**
 * Extension points. Plugins implement the interfaces marked {@code @ConsumerType} and register them as OSGi services; the runtime calls them only for tenants that have the plugin enabled.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.revos.api.spi;
