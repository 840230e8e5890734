/** The read API for plugins ({@code org.revos.api.query}) over the runtime's entities. */
package org.revos.runtime.internal.query;
