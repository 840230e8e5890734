package org.revos.api.spi;

/** Where credit sits: {@code ORANGE} is pending, only {@code GREEN} counts as credit. */
public enum CreditBucket {
    ORANGE, GREEN
}
