package org.revos.kernel.spi;

import java.util.function.Predicate;

import jakarta.ws.rs.core.Response;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.security.Caller;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The kernel's jobs, for an engine's long work a request only starts (a replay of a ledger): the job is recorded in
 * the tenant's jobs, runs on the kernel's job threads, reports its progress and result at {@code /api/v1/jobs/{id}},
 * and a job a stopping runtime interrupts is marked failed at the next start, saying so. A service of the kernel.
 */
@ProviderType
public interface JobRunner {

    /** The work of one job. */
    @ConsumerType
    @FunctionalInterface
    interface Work {
        /** @return the job's result, shown with its status; {@code null} for none */
        JsonNode run(Progress progress) throws Exception;
    }

    /** What running work reports back to its job. Safe to call often: progress is written a few times a second. */
    @ProviderType
    interface Progress {

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

    /**
     * A submitted job.
     *
     * @param jobId    its id, as {@code /api/v1/jobs/{id}} knows it
     * @param response the 202 a request that started it answers: the job as {@code /api/v1/jobs/{id}} shows it, with
     *                 its {@code Location}
     */
    record Accepted(String jobId, Response response) {
    }

    /**
     * Records a job of {@code kind} for the tenant and runs {@code work} on the kernel's job threads.
     *
     * @param kind what the job does, as {@code /api/v1/jobs} shows it ({@code credit.recompute})
     */
    Accepted submit(String tenantId, Caller caller, String kind, Work work);

    /**
     * Records a QUEUED job of {@code kind} inside the caller's transaction (since 1.4), for work that writes its own
     * state in the same transaction (an import's checkpoint row keyed by the job's id): either both are in or
     * neither. {@link #start} runs it once that transaction has committed.
     *
     * @return the job's id
     */
    String record(TenantTransaction tx, String kind);

    /**
     * Runs {@code work} as the job {@link #record} recorded, once its transaction has committed (since 1.4).
     *
     * @return the job as recorded (QUEUED), for the 202 of the request that started it
     */
    Accepted start(String tenantId, String jobId, Work work);

    /**
     * Queues a stopped job again under its own id (an interrupted import resuming where it stopped), since 1.4. Its
     * progress goes on from what was stored; of its errors, those {@code keepError} accepts stay (each is
     * {@code {"line", "field", "message"}}, {@code line} and {@code field} left out when there are none).
     *
     * @return the job as queued again, {@code null} when the tenant has no such job
     */
    Accepted resume(String tenantId, Caller caller, String jobId, Predicate<JsonNode> keepError, Work work);

    /**
     * Adds {@code step} to the kernel's start-up recovery (since 1.4): at start, every job a stopped runtime left
     * QUEUED or RUNNING is marked FAILED, saying it was interrupted; an engine whose jobs can be resumed then marks
     * its own unfinished work (and may say so in the job) in {@code step}, which runs after that, on a job thread.
     * An engine that starts once recovery is over has its step run at once, on a job thread.
     */
    void afterRecovery(Runnable step);

    /**
     * Marks a job that will not go on FAILED, inside the caller's transaction (since 1.4), with what its work says
     * about it: a recovery step tells how far an interrupted import got and how to finish it.
     *
     * @param detail what the job shows as its detail, in plain words
     * @param result what it shows as its result, {@code null} for none
     * @return whether the tenant has that job
     */
    boolean interrupted(TenantTransaction tx, String jobId, String detail, JsonNode result);
}
