package org.revos.kernel.spi;

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
}
