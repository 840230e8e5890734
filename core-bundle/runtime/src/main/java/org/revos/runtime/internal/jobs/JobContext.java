package org.revos.runtime.internal.jobs;

/** What running work reports back to its job. Safe to call often: progress is written at most a few times a second. */
public interface JobContext {

    /** @param total the number of units (rows, accounts) the work will go through */
    void total(long total);

    /** @param done the number of units finished so far */
    void done(long done);

    /**
     * Records one problem; the job goes on unless the work decides otherwise.
     *
     * @param line  the physical line of the input, or 0 when the problem has none
     * @param field the field concerned, or {@code null}
     */
    void error(long line, String field, String message);

    /** @return whether the runtime is stopping and the work should end early */
    boolean cancelled();
}
