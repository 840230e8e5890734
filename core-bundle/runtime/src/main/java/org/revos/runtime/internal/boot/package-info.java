/** Start-up wiring: configuration of the embedded HTTP server, REST whiteboard and deploy folder. */
package org.revos.runtime.internal.boot;
