package org.revos.api.model;

/** Whether a stage is still open or closes the object as won or lost. */
public enum StageCategory {
    OPEN, WON, LOST
}
