package org.revos.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Period;
import org.revos.api.model.Pipeline;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.api.query.TenantData;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;

/**
 * Builds the {@link KpiRequest} the KPI engine hands a calculator: the tenant's facts (objects with their dimensions,
 * stage entries, revenue, team memberships), the pipelines of its stage models, the period, filter, parameters and
 * the instant the answer is for. The facts are the API's own {@link Facts}, so a calculator reads exactly what it
 * reads in a runtime.
 *
 * <pre>{@code
 * KpiResult won = KpiRequests.forTenant()
 *         .deal("d1", "2026-01-05", 10_000_00, Map.of("ownerId", "u1", "segment", "SMB"))
 *         .dealEntered("d1", "CLOSED_WON", "2026-02-10")
 *         .period("2026-Q1")
 *         .compute(new WonDealsKpi());
 * }</pre>
 */
public final class KpiRequests {

    private final Tenant tenant;
    private final FactsBuilder facts;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final Map<String, String> filter = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Period period;
    private Instant asOf;
    private TenantData data;

    private KpiRequests(Tenant tenant) {
        this.tenant = tenant;
        this.facts = Facts.builder(tenant);
    }

    /** @return a request for {@link Tenants#DEFAULT} */
    public static KpiRequests forTenant() {
        return new KpiRequests(Tenants.DEFAULT);
    }

    public static KpiRequests forTenant(Tenant tenant) {
        return new KpiRequests(tenant);
    }

    /**
     * Adds an account.
     *
     * @param dimensions values of {@link Facts#DIMENSIONS} such as {@code segment}, {@code country}, {@code ownerId}
     */
    public KpiRequests account(String id, String createdAt, Map<String, String> dimensions) {
        facts.object(ObjectType.ACCOUNT, id, Instants.at(createdAt), 0, dimensions);
        return this;
    }

    /**
     * Adds a deal.
     *
     * @param arrCents   its ARR in minor units (cents)
     * @param dimensions such as {@code ownerId}, {@code segment}, {@code pipeline}, {@code country}, {@code source}
     */
    public KpiRequests deal(String id, String createdAt, long arrCents, Map<String, String> dimensions) {
        facts.object(ObjectType.DEAL, id, Instants.at(createdAt), arrCents, dimensions);
        return this;
    }

    /** Adds a lead, with dimensions such as {@code source}, {@code ownerId}, {@code country}. */
    public KpiRequests lead(String id, String createdAt, Map<String, String> dimensions) {
        facts.object(ObjectType.LEAD, id, Instants.at(createdAt), 0, dimensions);
        return this;
    }

    /** Records that deal {@code id} entered {@code stage} at {@code at}. */
    public KpiRequests dealEntered(String id, String stage, String at) {
        facts.entered(ObjectType.DEAL, id, stage, Instants.at(at));
        return this;
    }

    /** Records that lead {@code id} entered {@code stage} at {@code at}. */
    public KpiRequests leadEntered(String id, String stage, String at) {
        facts.entered(ObjectType.LEAD, id, stage, Instants.at(at));
        return this;
    }

    /**
     * Adds a revenue event of {@code accountId}, recorded when it occurred.
     *
     * @param salesClosed whether a deal brought it (as opposed to self-serve revenue)
     */
    public KpiRequests revenue(String accountId, String occurredAt, RevenueKind kind, long arrDeltaCents,
            boolean salesClosed) {
        Instant at = Instants.at(occurredAt);
        facts.revenue(accountId, at, kind, arrDeltaCents, salesClosed, at);
        return this;
    }

    /** Puts {@code userId} into {@code team} from {@code since} on (until a later membership of that user). */
    public KpiRequests member(String userId, String team, String since) {
        facts.membership(userId, team, Instants.at(since));
        return this;
    }

    /** @return the API's facts builder, for what the shortcuts above do not cover */
    public FactsBuilder facts() {
        return facts;
    }

    /** Adds a pipeline; without any, the request carries {@link Pipelines#standard()}. */
    public KpiRequests pipeline(Pipeline pipeline) {
        pipelines.add(pipeline);
        return this;
    }

    /** @param period as the REST API writes it: {@code 2026}, {@code 2026-Q1}, {@code 2026-03}, ... */
    public KpiRequests period(String period) {
        this.period = Period.parse(period);
        return this;
    }

    /** The instant the answer is for; without it, the end of the period (the whole period is known). */
    public KpiRequests asOf(String at) {
        this.asOf = Instants.at(at);
        return this;
    }

    /** Slices by a dimension ({@code segment}, {@code ownerId}, {@code team}, {@code source}, ...). */
    public KpiRequests filter(String dimension, String value) {
        filter.put(dimension, value);
        return this;
    }

    public KpiRequests parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    /** The tenant's data, for calculators that read more than the facts; {@code null} (the default) otherwise. */
    public KpiRequests data(TenantData data) {
        this.data = data;
        return this;
    }

    /** @return the request, with the facts cut at its {@code asOf} */
    public KpiRequest build() {
        if (period == null) {
            throw new IllegalStateException("Say which period the KPI is computed for: period(\"2026-Q1\")");
        }
        Instant at = asOf != null ? asOf : period.end(tenant.timeZone()).minusMillis(1);
        return new KpiRequest(period, filter, parameters, facts.build(at), pipelines.isEmpty() ? Pipelines.standard()
                : pipelines, at, data);
    }

    public KpiResult compute(KpiCalculator calculator) {
        return calculator.compute(build());
    }

    /** @return the value {@code calculator} computes, for the common one-number assertion */
    public BigDecimal value(KpiCalculator calculator) {
        return compute(calculator).value();
    }
}
