package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An accepted stage move of a lead or deal. */
@Entity
@Table(name = "STAGE_TRANSITIONS", uniqueConstraints = @UniqueConstraint(name = "UQ_TRANSITION_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = { @Index(name = "IX_TRANSITION_OBJ", columnList = "TENANT_ID, OBJECTID"), @Index(name = "IX_TRANSITION_AT", columnList = "TENANT_ID, OBJECTTYPE, TRANSITION_AT") })
public class StageTransitionEntity extends TenantRow {
    @Column(length = 20, nullable = false)
    public String objectType;
    @Column(length = 40, nullable = false)
    public String objectId;
    @Column(length = 100)
    public String pipeline;
    @Column(length = 100)
    public String fromStage;
    @Column(length = 100, nullable = false)
    public String toStage;
    @Column(name = "TRANSITION_AT")
    public long at;
    @Column(length = 200)
    public String actor;
    /** Why an ADMIN moved the object past unmet requirements; {@code null} for ordinary moves. */
    @Column(length = 1000)
    public String overrideReason;
}
