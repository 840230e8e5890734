/** Refusals answered as RFC 9457 problem documents. */
package org.revos.runtime.internal.problem;
