/**
 * Domain event topics and property names published through OSGi Event Admin after the writing transaction has committed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.revos.api.event;
