/**
 * Object collections an engine brings: an {@link org.revos.kernel.spi.objects.ObjectSchema} names the collection's
 * path, entity, id prefix and {@link org.revos.kernel.spi.objects.Field fields} with their
 * {@link org.revos.kernel.spi.objects.FieldType types} ({@link org.revos.kernel.spi.objects.FieldTypes} has the
 * kernel's), and its {@link org.revos.kernel.spi.objects.ObjectRules rules}; the kernel's
 * {@link org.revos.kernel.spi.objects.ObjectCollections} checks, stores, audits, lists and pages them, the same way
 * as the kernel's own accounts, deals and users.
 * <p>
 * 1.1: {@link org.revos.kernel.spi.objects.ObjectWriteHook} (take part in every object write's transaction), and
 * {@link org.revos.kernel.spi.objects.ObjectCollections} finds a collection by object type, patches inside a
 * transaction and fills empty fields with a record of their provenance.
 * <p>
 * 1.2: the write hooks also hear of the kernel's consequential writes of objects (a revenue event re-assigned to its
 * deal's new owner), see {@link org.revos.kernel.spi.objects.ObjectWriteHook}.
 * <p>
 * 1.3: {@link org.revos.kernel.spi.objects.StageMoves} (move a lead or deal through the stage rules inside an
 * engine's transaction).
 * <p>
 * 1.4: {@link org.revos.kernel.spi.objects.ObjectShaper}, a hook that may change a new object before it is rendered
 * (the stage engine places new leads and deals through it; the {@link org.revos.kernel.spi.objects.Field#placedOnCreate()
 * fields placed on creation} reach it instead of the resource); {@link org.revos.kernel.spi.objects.ObjectCollections}
 * reads and {@link org.revos.kernel.spi.objects.ObjectCollections#derive derives} fields inside a transaction and
 * checks custom property values; {@link org.revos.kernel.spi.objects.Field#derivedBy};
 * {@link org.revos.kernel.spi.objects.StageHistory}, the kernel's stage history rows; {@link
 * org.revos.kernel.spi.objects.StageMoves} is the stage engine's (no longer the kernel's) and places new objects for
 * bulk writers. An {@link org.revos.kernel.spi.objects.ObjectWriteHook} still must not change its object.
 * <p>
 * 1.5: what the integration engine's bulk writers need: {@link org.revos.kernel.spi.objects.ObjectCollections}
 * creates telling the shapers whether the write derives records, patches and renders inside a transaction the
 * caller runs and takes a batch's resolved external ids; {@link org.revos.kernel.spi.objects.ObjectWriteGuard}, a
 * hook that refuses fields before a creation or patch applies them (the fields an inbound sync owns).
 */
@Version("1.5.0")
package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.Version;
