package org.revos.api.leads;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.UserRole;

/** A user of the tenant as routing sees it. */
@ProviderType
public interface Rep {

    String id();

    UserRole role();

    /** @return the user's team, {@code null} when none */
    String team();

    /** @return the user's segment ({@code MID_MARKET}), {@code null} when none */
    String segment();

    /** @return how many open leads and deals the user can hold; 0 when unset (such a user takes no leads) */
    int capacity();

    /** @return the open leads and open deals the user owns now */
    int load();

    /** @return {@code capacity() - load()}, at least 0 */
    default int free() {
        return Math.max(0, capacity() - load());
    }

    /**
     * @return when the user last got a lead from intake, as an ordinal that grows with every routed lead of the
     *         tenant; 0 when never (round robin takes the smallest)
     */
    long lastRouted();
}
