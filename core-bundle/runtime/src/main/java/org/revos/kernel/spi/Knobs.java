package org.revos.kernel.spi;

import java.util.logging.Logger;

import org.osgi.framework.BundleContext;

/**
 * Tuning values of components (back-off delays, rounds): a component's configuration sets one; left at 0, the
 * framework property of the same meaning does ({@code -Drevos.webhook.backoff.ms=100}, which tests use to run
 * quickly); without either, the component's default.
 */
public final class Knobs {

    private static final Logger LOG = Logger.getLogger(Knobs.class.getName());

    private Knobs() {
    }

    /**
     * @param configured the configuration's value; 0 or less for none
     * @param property   the framework property read when the configuration sets none
     * @return the configured value, else the framework property's when it is a positive whole number, else
     *         {@code fallback}
     */
    public static long positive(long configured, BundleContext context, String property, long fallback) {
        if (configured > 0) {
            return configured;
        }
        String text = context == null ? null : context.getProperty(property);
        if (text != null) {
            try {
                long value = Long.parseLong(text.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            LOG.warning(() -> property + " is not a positive whole number (" + text + "); using " + fallback);
        }
        return fallback;
    }
}
