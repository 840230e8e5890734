package org.revos.runtime.internal.persistence;

import java.util.List;

/** The kernel's own entities: the first members of the persistence unit, before any engine's. */
final class KernelEntities {

    static final List<Class<?>> CLASSES = List.of(
            TenantEntity.class,
            ApiKeyEntity.class,
            IdempotencyEntity.class,
            TenantPluginEntity.class,
            UserEntity.class,
            AccountEntity.class,
            ContactEntity.class,
            LeadEntity.class,
            DealEntity.class,
            ActivityEntity.class,
            RevenueEventEntity.class,
            StageTransitionEntity.class,
            DealOwnerEntity.class,
            GoalState.class,
            GoalEntity.class,
            PropertyDefinitionEntity.class,
            AuditEntryEntity.class,
            JobEntity.class,
            TeamMembershipEntity.class,
            GoalRevisionEntity.class,
            TrustedSignerEntity.class,
            PlatformSettingEntity.class,
            TenantSealEntity.class);

    private KernelEntities() {
    }
}
