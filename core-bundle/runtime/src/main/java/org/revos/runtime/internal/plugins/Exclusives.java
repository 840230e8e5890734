package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.revos.api.spi.Importer;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * What only one bundle may offer at a time: a KPI id ({@code revos.kpi.id}), a stage model id
 * ({@code revos.stagemodel.id}) and an import format ({@link Importer#format()}). A second offer would be silently
 * ignored by the engine that looks it up, so an install that brings one is refused instead.
 */
final class Exclusives {

    /** One exclusive offer, such as KPI id {@code win_rate}. */
    record Offer(String kind, String id) {
        String label() {
            return kind + " " + id;
        }
    }

    static final String KPI_ID = "revos.kpi.id";
    static final String STAGE_MODEL_ID = "revos.stagemodel.id";

    private final BundleContext context;

    Exclusives(BundleContext context) {
        this.context = context;
    }

    /**
     * @throws Problem 409 naming the other bundle and every offer of {@code candidate} that another running bundle
     *                 already makes
     */
    void refuseConflicts(Bundle candidate, String label) {
        Map<Offer, Bundle> others = new LinkedHashMap<>();
        Map<Offer, Bundle> mine = new LinkedHashMap<>();
        for (ServiceReference<?> service : services()) {
            Bundle owner = service.getBundle();
            if (owner != null) {
                offers(service).forEach(o -> (owner.equals(candidate) ? mine : others).putIfAbsent(o, owner));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        for (Offer offer : mine.keySet()) {
            Bundle other = others.get(offer);
            if (other != null) {
                String otherLabel = other.getSymbolicName() + " " + other.getVersion();
                errors.add(new FieldError("provides", offer.label() + " is already offered by " + otherLabel));
                clashes.add(offer.label() + " (offered by " + otherLabel + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.conflict(label + " offers what another bundle already offers: " + String.join(", ", clashes)
                    + ". Only one bundle may offer a KPI id, a stage model id or an import format; remove or update"
                    + " the other bundle first", errors);
        }
    }

    private List<Offer> offers(ServiceReference<?> service) {
        List<Offer> offers = new ArrayList<>();
        property(service, KPI_ID).ifPresent(id -> offers.add(new Offer("KPI id", id)));
        property(service, STAGE_MODEL_ID).ifPresent(id -> offers.add(new Offer("stage model id", id)));
        if (service.isAssignableTo(context.getBundle(), Importer.class.getName())
                && List.of((String[]) service.getProperty(Constants.OBJECTCLASS))
                        .contains(Importer.class.getName())) {
            Object importer = context.getService(service);
            try {
                if (importer instanceof Importer i && i.format() != null) {
                    offers.add(new Offer("import format", i.format()));
                }
            } finally {
                if (importer != null) {
                    context.ungetService(service);
                }
            }
        }
        return offers;
    }

    private static Optional<String> property(ServiceReference<?> service, String key) {
        Object value = service.getProperty(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private ServiceReference<?>[] services() {
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
            return all == null ? new ServiceReference<?>[0] : all;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("A null filter is always valid", e);
        }
    }
}
