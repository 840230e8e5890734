package org.revos.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.rest.Collections;
import org.revos.runtime.internal.rest.Idempotency;

/**
 * What imports and exports take, held to the kernel's collections: the paths the OpenAPI document states without a
 * running kernel are the collections' own, and every way a client names an object finds it.
 */
class TransfersTest {

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final Collections objects = new Collections(store, new Idempotency(store));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theDocumentedPathsAreTheKernelsCollectionsInDependencyOrder() {
        List<String> paths = Transfers.objects(objects).stream().map(ObjectSchema::path).toList();
        assertEquals(Transfers.PATHS, paths);
        assertEquals(Transfers.TYPES, Transfers.objects(objects).stream().map(ObjectSchema::type).toList());
    }

    @Test
    void anObjectIsFoundByItsPathOrItsTypeInAnySpelling() {
        for (String text : List.of("revenue-events", "revenue_event", "REVENUE_EVENT", " Revenue-Event ")) {
            Violations v = new Violations();
            ObjectSchema<?> schema = Transfers.object(objects, text, v);
            assertTrue(v.isEmpty(), text + ": " + v.list());
            assertSame(ObjectType.REVENUE_EVENT, schema.type(), text);
        }
    }

    @Test
    void anUnknownOrMissingObjectIsAViolationNamingEveryChoice() {
        for (String text : new String[] { null, "goals", "deal-stages" }) {
            Violations v = new Violations();
            assertNull(Transfers.object(objects, text, v));
            assertEquals(1, v.list().size(), String.valueOf(text));
            assertTrue(v.list().get(0).message().contains(String.join(", ", Transfers.PATHS)), v.list()::toString);
        }
    }
}
