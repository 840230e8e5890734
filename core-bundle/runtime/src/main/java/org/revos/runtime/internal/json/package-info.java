/** The API's JSON conventions. */
package org.revos.runtime.internal.json;
