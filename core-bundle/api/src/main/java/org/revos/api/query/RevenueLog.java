package org.revos.api.query;

import org.revos.api.model.RevenueKind;

/**
 * A tenant's recurring-revenue ledger as columns, in order of occurrence. Accounts are numbered as in the accounts
 * {@link ObjectTable} of the same {@link Facts}.
 */
public final class RevenueLog {

    private static final RevenueKind[] KINDS = RevenueKind.values();

    private final long[] at;
    private final int[] account;
    private final byte[] kind;
    private final long[] arrDeltaCents;
    private final boolean[] salesClosed;
    private final int size;

    /** The columns may be longer than {@code size}; rows past it are not this log's. */
    RevenueLog(long[] at, int[] account, byte[] kind, long[] arrDeltaCents, boolean[] salesClosed, int size) {
        this.at = at;
        this.account = account;
        this.kind = kind;
        this.arrDeltaCents = arrDeltaCents;
        this.salesClosed = salesClosed;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** @return when event {@code i} occurred, epoch milliseconds */
    public long at(int i) {
        return at[i];
    }

    public int account(int i) {
        return account[i];
    }

    public RevenueKind kind(int i) {
        return KINDS[kind[i]];
    }

    /** @return the signed ARR change of event {@code i} in minor units */
    public long arrDeltaCents(int i) {
        return arrDeltaCents[i];
    }

    /** @return whether event {@code i} names a deal (sales revenue) rather than being self-serve */
    public boolean salesClosed(int i) {
        return salesClosed[i];
    }

    long[] at() {
        return at;
    }

    int[] accounts() {
        return account;
    }

    byte[] kinds() {
        return kind;
    }

    long[] deltas() {
        return arrDeltaCents;
    }

    boolean[] sales() {
        return salesClosed;
    }

    /** @return the first event at or after {@code epochMillis}; {@code size()} when there is none */
    public int firstAtOrAfter(long epochMillis) {
        return Columns.firstAtOrAfter(at, size, epochMillis);
    }
}
