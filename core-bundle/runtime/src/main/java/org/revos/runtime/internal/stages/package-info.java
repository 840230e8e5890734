/**
 * The stage engine: the one place where leads and deals change stage. It asks every stage model enabled for the
 * tenant for its pipelines, checks the target stage's entry requirements, and writes the object and its stage
 * transition in one transaction.
 */
package org.revos.runtime.internal.stages;
