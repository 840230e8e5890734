/**
 * What an engine's REST resources use: the base classes of object collections
 * ({@link org.revos.kernel.spi.rest.CollectionResource}, {@link org.revos.kernel.spi.rest.MutableCollectionResource})
 * and the annotations the kernel's OpenAPI document and access filter read ({@link org.revos.kernel.spi.rest.Access},
 * {@link org.revos.kernel.spi.rest.Described}, {@link org.revos.kernel.spi.rest.Listing},
 * {@link org.revos.kernel.spi.rest.ResponseStatus}). Resources select the RevOS application with
 * {@code @JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)}.
 * <p>
 * 1.1: {@link org.revos.kernel.spi.rest.QueryFrom}, query parameters a method reads through {@code UriInfo}, stated
 * for the OpenAPI document.
 */
@Version("1.1.0")
package org.revos.kernel.spi.rest;

import org.osgi.annotation.versioning.Version;
