package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One setting of the whole installation that the platform admin changes over the API (no tenant). */
@Entity
@Table(name = "PLATFORM_SETTINGS")
public class PlatformSettingEntity {
    @Id
    @Column(length = 100)
    public String name;
    @Column(length = 1000, nullable = false)
    public String settingValue;
    public long updatedAt;
}
