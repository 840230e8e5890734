package org.revos.runtime.internal.jobs;

import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.JobRunner;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.JobEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;

/** The engine SPI's {@link JobRunner}: engines' jobs are the kernel's {@link Jobs}. */
@Component(service = JobRunner.class)
public final class KernelJobRunner implements JobRunner {

    private final Jobs jobs;

    @Activate
    public KernelJobRunner(@Reference Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Accepted submit(String tenantId, Caller caller, String kind, Work work) {
        JobEntity job = jobs.submit(tenantId, caller, kind, work::run);
        return new Accepted(job.id, JobsResource.accepted(job));
    }

    @Override
    public String record(TenantTransaction tx, String kind) {
        return jobs.record(kernel(tx), kind).id;
    }

    @Override
    public boolean interrupted(TenantTransaction tx, String jobId, String detail, JsonNode result) {
        JobEntity job = jobId == null || jobId.length() > 40 ? null : kernel(tx).em().find(JobEntity.class, jobId);
        if (job == null) {
            return false;
        }
        job.status = "FAILED";
        job.detail = detail;
        job.resultJson = FieldTypes.writeJson(result);
        job.finishedAt = tx.now();
        job.updatedAt = tx.now();
        return true;
    }

    private static Tx kernel(TenantTransaction tx) {
        if (!(tx instanceof Tx kernelTx)) {
            throw new IllegalArgumentException("not a transaction of this kernel: " + tx);
        }
        return kernelTx;
    }

    @Override
    public Accepted start(String tenantId, String jobId, Work work) {
        JobEntity job = jobs.find(tenantId, jobId);
        if (job == null) {
            throw new IllegalStateException("The tenant has no job " + jobId + "; record it first");
        }
        jobs.start(tenantId, jobId, work::run);
        return new Accepted(job.id, JobsResource.accepted(job));
    }

    @Override
    public Accepted resume(String tenantId, Caller caller, String jobId, Predicate<JsonNode> keepError, Work work) {
        JobEntity job = jobs.resume(tenantId, caller, jobId, keepError, work::run);
        return job == null ? null : new Accepted(job.id, JobsResource.accepted(job));
    }

    @Override
    public void afterRecovery(Runnable step) {
        jobs.afterRecovery(step);
    }
}
