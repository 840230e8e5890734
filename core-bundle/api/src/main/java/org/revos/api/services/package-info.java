/**
 * What capabilities offer each other at run time, as OSGi services of the runtime: the pipelines a tenant's stage
 * model gives, the KPIs a tenant can ask for, and the notifications that reach a tenant's people. Each is offered by
 * the capability that owns it (stages, KPIs, notifications) and may be absent while that capability is not
 * installed, so a consumer references it optionally and works without it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.revos.api.services;
