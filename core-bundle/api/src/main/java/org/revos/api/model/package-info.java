/**
 * Immutable value types of the RevOS object model. Money is ARR in minor units (cents) as {@code long}; times are UTC instants.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.revos.api.model;
