/**
 * Value mappings of imports: what a source CRM's stages, deal types, loss reasons and owners become in a tenant.
 * Each tenant keeps one set of mappings per import format ({@code /api/v1/imports/mappings/{format}}); a request may
 * override them; what neither names falls back on the format's standard vocabulary ({@link CrmVocabulary}), resolved
 * against the tenant's own pipelines, codes and users. {@link ValueTranslator} applies them to every row an import
 * reads, and {@link MappingTally} counts what it did for a dry run.
 */
package org.revos.integration.internal.mapping;
