/** The lead intake engine: sign-ups enriched, filtered, scored, routed and stored with the reason for each step. */
package org.revos.leads.internal;
