/**
 * Tenant object collections described declaratively: each {@link org.revos.runtime.internal.objects.ObjectSchema}
 * lists its fields with their JSON types, and one engine validates, writes, renders, filters and documents every
 * collection from that description.
 */
package org.revos.runtime.internal.objects;
