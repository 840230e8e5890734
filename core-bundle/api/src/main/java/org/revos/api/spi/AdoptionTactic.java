package org.revos.api.spi;

/** The six CREDIT tactics of an adoption checklist. */
public enum AdoptionTactic {
    CELEBRATE, REMIND, ENFORCE, DEFINE, INSPECT, TRAIN
}
