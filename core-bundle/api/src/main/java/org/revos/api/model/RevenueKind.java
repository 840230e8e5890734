package org.revos.api.model;

/** The kind of a recurring-revenue movement on an account. */
public enum RevenueKind {
    NEW, EXPANSION, CONTRACTION, CHURN, RENEWAL
}
