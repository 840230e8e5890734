package org.revos.api.leads;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One sign-up as the intake engine hands it to the strategies, after enrichment filled what it could: {@code null}
 * means unknown.
 */
@ProviderType
public interface SignUp {

    /** @return the person's e-mail, lower case; never {@code null} */
    String email();

    /** @return the part of {@link #email()} after {@code @}, lower case */
    String domain();

    String name();

    String company();

    /** @return ISO-3166 alpha-2 code */
    String country();

    /** @return the company's size */
    Integer employees();

    String title();

    /** @return where the sign-up came from ({@code website}, {@code facebook}, ...) */
    String source();

    /** @return product usage and growth signals posted with the sign-up (or later) */
    List<Signal> signals();

    /** @return when the sign-up happened */
    Instant receivedAt();
}
