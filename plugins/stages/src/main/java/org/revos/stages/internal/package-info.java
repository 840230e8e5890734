/**
 * The stage engine: the one place where leads and deals change stage. It asks every stage model enabled for the
 * tenant for its pipelines, places every new lead and deal in its first stage through the kernel's object shaper
 * hook, checks the target stage's entry requirements, and writes the object's stage and the kernel's stage history
 * row in one transaction. It serves {@code /api/v1/pipelines}, {@code /api/v1/loss-reasons},
 * {@code /api/v1/{leads|deals}/{id}/transitions} and {@code /api/v1/properties/usage}, and offers the API's
 * {@code Pipelines} service and the kernel SPI's {@code StageMoves}.
 */
package org.revos.stages.internal;
