/**
 * Object collections an engine brings: an {@link org.revos.kernel.spi.objects.ObjectSchema} names the collection's
 * path, entity, id prefix and {@link org.revos.kernel.spi.objects.Field fields} with their
 * {@link org.revos.kernel.spi.objects.FieldType types} ({@link org.revos.kernel.spi.objects.FieldTypes} has the
 * kernel's), and its {@link org.revos.kernel.spi.objects.ObjectRules rules}; the kernel's
 * {@link org.revos.kernel.spi.objects.ObjectCollections} checks, stores, audits, lists and pages them, the same way
 * as the kernel's own accounts, deals and users.
 */
@Version("1.0.0")
package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.Version;
