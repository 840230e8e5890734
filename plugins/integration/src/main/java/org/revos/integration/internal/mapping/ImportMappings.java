package org.revos.integration.internal.mapping;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.security.Caller;
import org.revos.api.services.Pipelines;
import org.revos.integration.internal.ImportMappingEntity;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageMoves;

/**
 * The tenants' value mappings per import format, and what they map onto: the tenant's pipelines, loss-reason codes
 * and users, read once per import (or dry run).
 */
@Component(service = ImportMappings.class)
public final class ImportMappings {

    private final TenantStore store;
    private final RevosData data;
    private final ObjectCollections objects;
    /** the tenant's pipelines, from the stage engine; absent while none runs (nothing to map stages onto) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Pipelines pipelines;
    /** the tenant's loss-reason codes, from the stage engine; absent while none runs */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StageMoves stageMoves;

    @Activate
    public ImportMappings(@Reference TenantStore store, @Reference RevosData data,
            @Reference ObjectCollections objects) {
        this.store = store;
        this.data = data;
        this.objects = objects;
    }

    /** @return the tenant's mappings for {@code format}; none while only the defaults apply */
    public ValueMappings stored(String tenantId, String format) {
        ImportMappingEntity e = store.query(tenantId, em -> TenantSingletons.find(em, ImportMappingEntity.class,
                tenantId, format));
        return e == null ? ValueMappings.none() : ValueMappings.fromJson(FieldTypes.readTree(e.mappingsJson));
    }

    /** Replaces the tenant's mappings for {@code format}, audited. */
    public void store(String tenantId, Caller caller, String format, ValueMappings mappings) {
        store.transaction(tenantId, caller, tx -> {
            ImportMappingEntity stored = TenantSingletons.find(tx.em(), ImportMappingEntity.class, tenantId, format);
            String before = stored == null ? null : stored.mappingsJson;
            ImportMappingEntity e = TenantSingletons.forWrite(tx.em(), ImportMappingEntity.class, tenantId, format,
                    ImportMappingEntity::new, tx.now());
            e.mappingsJson = FieldTypes.writeJson(mappings.toJson());
            e.updatedAt = tx.now();
            tx.audit("IMPORT_MAPPINGS", "IMPORT_MAPPINGS", format, before == null ? null
                    : FieldTypes.readTree(before), mappings.toJson());
            return null;
        });
    }

    /** @return what the tenant's values map onto now */
    public MappingTargets targets(String tenantId) {
        Tenant tenant = data.forTenant(tenantId).tenant();
        Pipelines knownPipelines = pipelines;
        StageMoves moves = stageMoves;
        List<Pipeline> all = knownPipelines == null ? List.of() : knownPipelines.effective(tenant);
        ObjectSchema<?> userSchema = objects.schema(ObjectType.USER).orElseThrow();
        List<OwnerDirectory.User> users = store.query(tenantId, em -> em.createQuery(
                "SELECT u.id, u.externalId, u.email, u.name FROM " + userSchema.entityName() + " u", Object[].class)
                .getResultList()
                .stream().map(r -> new OwnerDirectory.User((String) r[0], (String) r[1], (String) r[2],
                        (String) r[3])).toList());
        return new MappingTargets(defaultPipeline(all, ObjectType.DEAL), defaultPipeline(all, ObjectType.LEAD),
                moves == null ? List.of() : moves.lossReasons(tenant), new OwnerDirectory(users));
    }

    /** @return the pipeline new objects of {@code type} start in: the default one, else the first */
    private static Optional<Pipeline> defaultPipeline(List<Pipeline> pipelines, ObjectType type) {
        List<Pipeline> ofType = pipelines.stream().filter(p -> p.objectType() == type).toList();
        return ofType.stream().filter(Pipeline::isDefault).findFirst().or(() -> ofType.stream().findFirst());
    }

    /**
     * @param overrides the request's mappings, over the tenant's
     * @param tally     where a dry run counts; {@code null} for an import
     * @return the translator of one import's (or dry run's) rows
     */
    public ValueTranslator translator(String tenantId, ObjectType type, String format, ValueMappings overrides,
            MappingTally tally) {
        return new ValueTranslator(type, format, stored(tenantId, format).overriddenBy(overrides), targets(tenantId),
                tally);
    }
}
