package org.revos.api.model;

/** What a deal sells; decides the kind of the revenue event recorded when it is won. */
public enum DealType {
    NEW_BUSINESS, EXPANSION, CROSS_SELL, RENEWAL, CONTRACTION
}
