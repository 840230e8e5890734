package org.revos.runtime.internal.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.Tenant;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes generated {@link Write}s through the real write path (object engine, stage engine, their rules), each in its
 * own transaction at the tenant's simulated clock, which moves a minute per write and more on {@link Write.Wait}.
 */
public final class ScriptWriter {

    private final Store store;
    private final Tenant tenant;
    private final ScriptedStages.Offered catalog;
    private final AtomicLong clock;
    public final List<String> users = new ArrayList<>();
    public final List<String> accounts = new ArrayList<>();
    public final List<String> deals = new ArrayList<>();
    public final List<String> leads = new ArrayList<>();
    private final Map<String, String> pipelineOf = new HashMap<>();
    private final Map<String, String> accountOf = new HashMap<>();

    public ScriptWriter(Store store, Tenant tenant, ScriptedStages.Offered catalog, AtomicLong clock) {
        this.store = store;
        this.tenant = tenant;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @return whether the write was accepted (a refused write changes nothing) */
    public boolean apply(Write write) {
        clock.addAndGet(Duration.ofMinutes(1).toMillis());
        try {
            return make(write);
        } catch (Problem refused) {
            return false;
        }
    }

    private boolean make(Write write) {
        if (write instanceof Write.Wait w) {
            clock.addAndGet(Duration.ofMinutes(w.minutes()).toMillis());
            return false;
        } else if (write instanceof Write.AddUser u) {
            return add(users, tx -> ObjectEngine.create(tx, Catalog.USER, json().put("name", "U").put("role", "AE")
                    .put("team", u.team()).put("segment", u.segment())).get("id").asText());
        } else if (write instanceof Write.MoveUser m) {
            return !users.isEmpty() && patch(Catalog.USER, pick(users, m.user()), json().put("team", m.team()));
        } else if (write instanceof Write.Resegment r) {
            return !users.isEmpty() && patch(Catalog.USER, pick(users, r.user()), json().put("segment", r.segment()));
        } else if (write instanceof Write.AddAccount a) {
            return !users.isEmpty() && add(accounts, tx -> ObjectEngine.create(tx, Catalog.ACCOUNT, json()
                    .put("name", "A").put("segment", a.segment()).put("country", a.country())
                    .put("ownerId", pick(users, a.owner()))).get("id").asText());
        } else if (write instanceof Write.Relocate r) {
            return !accounts.isEmpty() && patch(Catalog.ACCOUNT, pick(accounts, r.account()),
                    json().put("country", r.country()));
        } else if (write instanceof Write.AddDeal d) {
            return !accounts.isEmpty() && !users.isEmpty() && addDeal(d);
        } else if (write instanceof Write.Reprice r) {
            return !deals.isEmpty() && patch(Catalog.DEAL, pick(deals, r.deal()), json().put("arr", r.arr()));
        } else if (write instanceof Write.AddLead l) {
            return addLead(l);
        } else if (write instanceof Write.Advance a) {
            return advance(a);
        } else if (write instanceof Write.Book b) {
            return !accounts.isEmpty() && book(b);
        } else if (write instanceof Write.Reassign r) {
            return !deals.isEmpty() && !users.isEmpty() && patch(Catalog.DEAL, pick(deals, r.deal()),
                    json().put("ownerId", pick(users, r.owner())));
        } else if (write instanceof Write.AddAm am) {
            write(tx -> ObjectEngine.create(tx, Catalog.USER, json().put("name", "M").put("role", "AM")
                    .put("segment", am.segment()).put("capacity", am.capacity())));
            return true;
        }
        return delete((Write.Delete) write);
    }

    private boolean addDeal(Write.AddDeal d) {
        String account = pick(accounts, d.account());
        ObjectNode body = json().put("accountId", account).put("name", "D").put("ownerId", pick(users, d.owner()))
                .put("type", d.type().name());
        if (d.arr() != null) {
            body.put("arr", d.arr());
        }
        if (d.closeInDays() != null) {
            body.put("closeDate", today().plusDays(d.closeInDays()).toString());
        }
        Pipeline pipeline = catalog.pipelines().stream().filter(p -> p.objectType() == ObjectType.DEAL
                && p.isDefault() != d.partner()).findFirst().orElseThrow();
        String id = write(tx -> {
            String created = ObjectEngine.create(tx, Catalog.DEAL, body).get("id").asText();
            ScriptedStages.enterStage(tx, pipeline, ObjectType.DEAL, created);
            return created;
        });
        deals.add(id);
        pipelineOf.put(id, pipeline.id());
        accountOf.put(id, account);
        return true;
    }

    private boolean addLead(Write.AddLead l) {
        ObjectNode body = json().put("email", "l" + leads.size() + "@example.com").put("source", l.source())
                .put("country", l.country());
        if (l.owner() >= 0 && !users.isEmpty()) {
            body.put("ownerId", pick(users, l.owner()));
        }
        String id = write(tx -> {
            String created = ObjectEngine.create(tx, Catalog.LEAD, body).get("id").asText();
            ScriptedStages.enterFirstStage(tx, catalog, ObjectType.LEAD, created);
            return created;
        });
        leads.add(id);
        return true;
    }

    private boolean advance(Write.Advance a) {
        List<String> objects = a.type() == ObjectType.DEAL ? deals : leads;
        if (objects.isEmpty()) {
            return false;
        }
        String id = pick(objects, a.object());
        Pipeline pipeline = a.type() == ObjectType.DEAL ? catalog.pipeline(ObjectType.DEAL, pipelineOf.get(id))
                .orElseThrow() : catalog.defaultPipeline(ObjectType.LEAD).orElseThrow();
        Stage stage = pipeline.stages().get(Math.floorMod(a.stage(), pipeline.stages().size()));
        write(tx -> ScriptedStages.transition(tx, tenant, catalog, a.type(), id, json().put("toStage", stage.id())));
        return true;
    }

    private boolean book(Write.Book b) {
        String account = pick(accounts, b.account());
        ObjectNode body = json().put("accountId", account).put("kind", b.kind().name())
                .put("arrDelta", b.arr()).put("seatsDelta", b.seats()).put("occurredAt", Instant.ofEpochMilli(clock.get())
                        .plus(Duration.ofHours(b.shiftHours())).toString());
        List<String> ofAccount = deals.stream().filter(d -> accountOf.get(d).equals(account)).toList();
        if (b.sales() && !ofAccount.isEmpty()) {
            body.put("dealId", ofAccount.get((int) Math.floorMod(b.shiftHours(), (long) ofAccount.size())));
        }
        write(tx -> ObjectEngine.create(tx, Catalog.REVENUE_EVENT, body));
        return true;
    }

    private boolean delete(Write.Delete d) {
        List<String> objects = switch (d.type()) {
            case DEAL -> deals;
            case LEAD -> leads;
            default -> accounts;
        };
        if (objects.isEmpty()) {
            return false;
        }
        String id = pick(objects, d.index());
        write(tx -> {
            switch (d.type()) {
                case DEAL -> ObjectEngine.delete(tx, Catalog.DEAL, id);
                case LEAD -> ObjectEngine.delete(tx, Catalog.LEAD, id);
                default -> ObjectEngine.delete(tx, Catalog.ACCOUNT, id);
            }
            return null;
        });
        objects.remove(id);
        return true;
    }

    /** @return whether the goal was accepted */
    public boolean goal(ObjectNode body) {
        try {
            write(tx -> ObjectEngine.create(tx, Catalog.GOAL, body));
            return true;
        } catch (Problem refused) {
            return false;
        }
    }

    private boolean patch(org.revos.kernel.spi.objects.ObjectSchema<?> schema, String id, ObjectNode body) {
        write(tx -> ObjectEngine.patch(tx, schema, id, body));
        return true;
    }

    private boolean add(List<String> ids, Function<Tx, String> create) {
        ids.add(write(create));
        return true;
    }

    private <T> T write(Function<Tx, T> work) {
        return store.write(tenant.id(), TestStores.member(tenant.id()), work);
    }

    private LocalDate today() {
        return Instant.ofEpochMilli(clock.get()).atZone(tenant.timeZone()).toLocalDate();
    }

    private static String pick(List<String> ids, int index) {
        return ids.get(Math.floorMod(index, ids.size()));
    }

    private static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }
}
