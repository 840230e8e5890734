package org.revos.runtime.internal.jobs;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Ids;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.persistence.JobEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Runs long work in the background, two jobs at a time, and keeps each job's state in the database so that
 * {@code /api/v1/jobs/{id}} answers from any request. A job left QUEUED or RUNNING by a runtime that stopped is
 * marked FAILED at the next start, saying so: nothing is left looking as if it were still running.
 */
@Component(service = Jobs.class)
public final class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    /** errors kept per job; the count goes on beyond it */
    static final int MAX_ERRORS = 1000;
    private static final long PROGRESS_WRITE_INTERVAL_MS = 250;

    /** The work of one job. */
    @FunctionalInterface
    public interface Work {
        /** @return the job's result, shown with its status; {@code null} for none */
        JsonNode run(JobContext context) throws Exception;
    }

    private final Store store;
    private final ExecutorService executor;
    private volatile CompletableFuture<Void> recovered;
    private volatile boolean stopping;

    @Activate
    public Jobs(@Reference Store store) {
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "revos-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        recovered = CompletableFuture.runAsync(this::failLeftovers, executor);
    }

    /**
     * @return whether the jobs a stopped runtime left QUEUED or RUNNING are marked FAILED; until then health says
     *         STARTING, so no caller sees such a job as if it were still running
     */
    public boolean isRecovered() {
        return recovered.isDone();
    }

    /**
     * Adds {@code step} to the start-up recovery (a capability marking its own unfinished work, such as an import
     * that can be resumed): it runs after the steps before it, and {@link #isRecovered()} waits for it too.
     */
    public synchronized void recoverAlso(Runnable step) {
        recovered = recovered.thenRunAsync(step, executor);
    }

    /**
     * Runs {@code step} once the start-up recovery is over: as part of it ({@link #recoverAlso}) while it is not, else
     * at once on a job thread, without saying the runtime is starting again (an engine started or updated later marks
     * its own unfinished work this way).
     */
    public synchronized void afterRecovery(Runnable step) {
        if (recovered.isDone()) {
            executor.execute(step);
        } else {
            recoverAlso(step);
        }
    }

    @Deactivate
    void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    /** Queues {@code work} as a job of {@code tenantId}; it starts as soon as a worker is free. */
    public JobEntity submit(String tenantId, Caller caller, String kind, Work work) {
        JobEntity job = store.write(tenantId, caller, tx -> record(tx, kind));
        start(tenantId, job.id, work);
        return job;
    }

    /**
     * Records a QUEUED job in the caller's transaction, for work that writes its own state with it; {@link #start}
     * runs it once that transaction has committed.
     */
    public JobEntity record(Tx tx, String kind) {
        JobEntity j = new JobEntity();
        j.id = Ids.next("job");
        j.kind = kind;
        j.status = "QUEUED";
        j.createdAt = tx.now();
        j.updatedAt = tx.now();
        j.requestedBy = tx.caller() == null ? null : tx.caller().keyId();
        tx.em().persist(j);
        return j;
    }

    /** Runs {@code work} as the recorded job {@code id}. */
    public void start(String tenantId, String id, Work work) {
        executor.execute(() -> run(tenantId, id, work, new Progress(tenantId, id)));
    }

    /**
     * Queues a stopped job again under its own id (an interrupted import resuming where it stopped). Its progress
     * goes on from what was stored; of its errors, those {@code keepError} accepts stay.
     *
     * @return the job as queued, or {@code null} when the tenant has no such job
     */
    public JobEntity resume(String tenantId, Caller caller, String id, Predicate<JsonNode> keepError, Work work) {
        JobEntity job = store.write(tenantId, caller, tx -> {
            JobEntity j = tx.em().find(JobEntity.class, id);
            if (j == null) {
                return null;
            }
            j.status = "QUEUED";
            j.detail = null;
            j.finishedAt = null;
            j.updatedAt = tx.now();
            return j;
        });
        if (job != null) {
            Progress progress = new Progress(tenantId, id);
            progress.restore(job, keepError);
            executor.execute(() -> run(tenantId, id, work, progress));
        }
        return job;
    }

    /** @return the job, if it belongs to {@code tenantId} */
    public JobEntity find(String tenantId, String id) {
        return store.read(tenantId, em -> em.find(JobEntity.class, id));
    }

    private void run(String tenantId, String id, Work work, Progress progress) {
        update(tenantId, id, j -> {
            j.status = "RUNNING";
            j.startedAt = System.currentTimeMillis();
        });
        try {
            JsonNode result = work.run(progress);
            progress.flush();
            update(tenantId, id, j -> {
                j.status = "SUCCEEDED";
                j.done = Math.max(j.done, j.total);
                j.resultJson = result == null ? null : Json.MAPPER.writeValueAsString(result);
                j.finishedAt = System.currentTimeMillis();
            });
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Job " + id + " of tenant " + tenantId + " failed", e);
            progress.flush();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            update(tenantId, id, j -> {
                j.status = "FAILED";
                j.detail = truncate(message, 1000);
                j.finishedAt = System.currentTimeMillis();
            });
        }
    }

    private void failLeftovers() {
        try {
            List<String> tenants = store.readPlatform(
                    em -> em.createQuery("SELECT t.id FROM TenantEntity t", String.class).getResultList());
            for (String tenant : tenants) {
                int n = store.write(tenant, null, tx -> tx.em().createQuery("UPDATE JobEntity j SET j.status ="
                        + " 'FAILED', j.detail = :why WHERE j.status IN ('QUEUED', 'RUNNING')")
                        .setParameter("why", "interrupted: the runtime stopped while the job was unfinished;"
                                + " start it again")
                        .executeUpdate());
                if (n > 0) {
                    LOG.warning(n + " unfinished job(s) of tenant " + tenant + " were interrupted by a stop");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mark interrupted jobs", e);
        }
    }

    @FunctionalInterface
    private interface Change {
        void apply(JobEntity job) throws Exception;
    }

    private void update(String tenantId, String id, Change change) {
        store.write(tenantId, null, tx -> {
            JobEntity j = tx.em().find(JobEntity.class, id);
            try {
                change.apply(j);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            j.updatedAt = tx.now();
            return null;
        });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Progress and errors gathered in memory and written a few times a second. */
    private final class Progress implements JobContext {
        private final String tenantId;
        private final String id;
        private final ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        private long total;
        private long done;
        private long errorCount;
        private long written;
        private boolean dirty;

        Progress(String tenantId, String id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        synchronized void restore(JobEntity job, Predicate<JsonNode> keepError) {
            total = job.total;
            done = job.done;
            errorCount = job.errorCount;
            if (job.errorsJson != null) {
                try {
                    for (JsonNode e : Json.MAPPER.readTree(job.errorsJson)) {
                        if (keepError.test(e)) {
                            errors.add(e);
                        } else {
                            errorCount--;
                        }
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("stored job errors are unreadable", e);
                }
            }
            dirty = true;
        }

        @Override
        public synchronized void total(long total) {
            this.total = total;
            changed();
        }

        @Override
        public synchronized void done(long done) {
            this.done = done;
            changed();
        }

        @Override
        public synchronized void error(long line, String field, String message) {
            errorCount++;
            if (errors.size() < MAX_ERRORS) {
                var e = errors.addObject();
                if (line > 0) {
                    e.put("line", line);
                }
                if (field != null) {
                    e.put("field", field);
                }
                e.put("message", message);
            }
            changed();
        }

        @Override
        public boolean cancelled() {
            return stopping || Thread.currentThread().isInterrupted();
        }

        private void changed() {
            dirty = true;
            long now = System.currentTimeMillis();
            if (now - written >= PROGRESS_WRITE_INTERVAL_MS) {
                flush();
            }
        }

        synchronized void flush() {
            if (!dirty) {
                return;
            }
            written = System.currentTimeMillis();
            dirty = false;
            long t = total;
            long d = done;
            long count = errorCount;
            String errs = errors.isEmpty() ? null : errors.toString();
            update(tenantId, id, j -> {
                j.total = t;
                j.done = d;
                j.errorCount = count;
                j.errorsJson = errs;
            });
        }
    }
}
