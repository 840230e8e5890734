/** The reference-file enrichment provider: company domain → firmographics from a CSV file, per tenant. */
package org.revos.integration.enrichment.internal;
