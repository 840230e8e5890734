package org.revos.api.leads;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Something a lead did that says how engaged it is: a product usage event posted with its sign-up
 * ({@code BOARD_CREATED}, {@code SEATS_ADDED}), or an activity recorded on the lead ({@code MEETING}, {@code CALL}).
 */
@ProviderType
public interface Signal {

    /** @return the signal's type, upper case, such as {@code SEATS_ADDED} or {@code MEETING} */
    String type();

    /** @return how many (seats added, boards created); 1 for an activity */
    long count();

    /** @return when it happened; scoring decays older signals */
    Instant at();
}
