package org.revos.adoption.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;

import org.revos.kernel.spi.TenantRow;

/** A manual item of an initiative's checklist: a task, a training or a reminder. */
@Entity(name = "ChecklistItemEntity")
@Table(name = "CHECKLIST_ITEMS", uniqueConstraints = @UniqueConstraint(name = "UQ_CHECKITEM_EXT", columnNames = {
        "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_CHECKITEM_INIT", columnList = "TENANT_ID,"
                + " INITIATIVEID"))
public class ChecklistItemEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String initiativeId;
    @Column(length = 10, nullable = false)
    public String tactic;
    @Column(length = 10, nullable = false)
    public String kind;
    @Column(length = 1000, nullable = false)
    public String text;
    @Column(length = 40)
    public String ownerId;
    public LocalDate due;
    @Column(length = 40)
    public String userId;
    @Column(length = 10)
    public String cadence;
    @Column(length = 100)
    public String doneBy;
    public Long doneAt;
    /** when the owner was reminded of this due or overdue task; {@code null} until then */
    public Long remindedAt;
    /** when this reminder was last sent */
    public Long lastSentAt;
    /** what the current write asked of {@code done}; {@code null} when it did not mention it */
    @Transient
    public Boolean doneRequested;
}
