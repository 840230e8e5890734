/**
 * The embedded Jetty's own answers: every error it produces before a request reaches the API (a malformed URI or
 * header, a URI or header section too large, a broken body framing) is problem JSON too.
 */
package org.revos.runtime.internal.http;
