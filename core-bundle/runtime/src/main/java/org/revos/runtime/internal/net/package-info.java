/**
 * The outbound URL policy: which hosts the runtime calls on a tenant's behalf (webhooks, sync sources). The runtime's
 * own host, loopback, link-local, private and other special networks are refused unless the platform admin allows
 * them with {@code REVOS_OUTBOUND_ALLOW}.
 */
package org.revos.runtime.internal.net;
