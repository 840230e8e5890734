package org.revos.runtime.internal.jobs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.JobRunner;
import org.revos.runtime.internal.persistence.JobEntity;

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
}
