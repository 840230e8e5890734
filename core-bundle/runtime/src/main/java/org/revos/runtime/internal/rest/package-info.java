/** The REST API: the Jakarta REST application, its extensions and the core resources. */
package org.revos.runtime.internal.rest;
