package org.revos.runtime.internal.persistence;

import jakarta.persistence.MappedSuperclass;

/**
 * The kernel's entities' name for {@link org.revos.kernel.spi.TenantRow}, which engines extend through the engine
 * SPI. It goes when the capability entities have moved into their engine bundles.
 */
@MappedSuperclass
public abstract class TenantRow extends org.revos.kernel.spi.TenantRow {
}
