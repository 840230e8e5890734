package org.revos.api.model;

/** What kind of touch an activity records. */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE
}
