package org.revos.runtime.internal.persistence;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.kernel.spi.CommitListener;

/**
 * The change feed's whiteboard: every {@link CommitListener} service an engine registers is told of the store's
 * committed writes from its registration until it is unregistered.
 */
@Component(service = CommitFeed.class, immediate = true)
public final class CommitFeed {

    private final Store store;

    @Activate
    public CommitFeed(@Reference Store store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(CommitListener listener) {
        store.addCommitListener(listener);
    }

    void removeListener(CommitListener listener) {
        store.removeCommitListener(listener);
    }
}
