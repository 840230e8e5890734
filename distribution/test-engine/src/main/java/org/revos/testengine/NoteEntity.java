package org.revos.testengine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/** A note a tenant keeps: the engine's own table. */
@Entity(name = "TestEngineNote")
@Table(name = "TEST_ENGINE_NOTES")
public class NoteEntity extends TenantRow {
    @Column(length = 200, nullable = false)
    public String text;
}
