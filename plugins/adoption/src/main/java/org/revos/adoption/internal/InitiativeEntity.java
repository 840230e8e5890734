package org.revos.adoption.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.revos.kernel.spi.TenantRow;

/** An internal initiative and what it changes; its five phases are stored as a JSON object. */
@Entity(name = "InitiativeEntity")
@Table(name = "INITIATIVES", uniqueConstraints = @UniqueConstraint(name = "UQ_INITIATIVE_EXT", columnNames = {
        "TENANT_ID", "EXTERNALID" }))
public class InitiativeEntity extends TenantRow {
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 1000)
    public String goal;
    @Column(length = 30)
    public String objectType;
    @Column(length = 64)
    public String property;
    @Column(length = 100)
    public String pipeline;
    @Column(length = 100)
    public String stage;
    @Column(length = 100)
    public String kpi;
    @Column(length = 40)
    public String ownerId;
    @Column(length = 200)
    public String winEvent;
    @Column(length = 1000)
    public String documentationUrl;
    @Column(length = 100)
    public String trainingTeam;
    @Column(length = 4000)
    public String phases;
    /** when completing every tactic was celebrated; {@code null} until then */
    public Long celebratedAt;
}
