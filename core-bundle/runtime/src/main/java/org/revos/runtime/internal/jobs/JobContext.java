package org.revos.runtime.internal.jobs;

import org.revos.kernel.spi.JobRunner;

/** What running work reports back to its job (the engine SPI's {@link JobRunner.Progress}). */
public interface JobContext extends JobRunner.Progress {
}
