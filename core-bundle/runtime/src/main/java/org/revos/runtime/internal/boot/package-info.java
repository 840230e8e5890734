/** Start-up wiring: configuration of the embedded HTTP server and the REST whiteboard. */
package org.revos.runtime.internal.boot;
