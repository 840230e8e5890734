package org.revos.api.model;

/** The revenue role of a user (not an API permission). */
public enum UserRole {
    SDR, BDR, AE, AM, CSM, MANAGER, OPS, ADMIN
}
