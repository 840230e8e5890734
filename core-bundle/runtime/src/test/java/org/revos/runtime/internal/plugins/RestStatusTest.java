package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.DTOConstants;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

class RestStatusTest {

    @Test
    void servedFailedAndPendingServicesAreTold() {
        RuntimeDTO dto = new RuntimeDTO();
        ApplicationDTO app = new ApplicationDTO();
        app.base = "/api/v1/";
        ResourceDTO hello = new ResourceDTO();
        hello.serviceId = 7;
        hello.resourceMethods = new ResourceMethodInfoDTO[] { method("GET", "hello"), method("PUT", "hello/{id}") };
        app.resourceDTOs = new ResourceDTO[] { hello };
        dto.applicationDTOs = new ApplicationDTO[] { app };
        FailedResourceDTO failed = new FailedResourceDTO();
        failed.serviceId = 8;
        failed.name = "broken";
        failed.failureReason = DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE;
        dto.failedResourceDTOs = new FailedResourceDTO[] { failed };

        RestStatus status = RestStatus.of(dto, Set.of(7L, 8L, 9L));
        assertEquals(Set.of("GET /api/v1/hello", "PUT /api/v1/hello/{id}"), status.operations());
        assertEquals(List.of("REST resource broken (service 8) is not served: the application it selects"
                + " (osgi.jakartars.application.select) is not available"), status.failures());
        assertEquals(Set.of(9L), status.pending());
        assertTrue(status.applied(Set.of(7L, 8L), Set.of(9L)), "7 served, 8 refused, 9 gone: the swap is applied");
        assertFalse(status.applied(Set.of(7L, 9L), Set.of()), "9 is not served yet");
        assertFalse(status.applied(Set.of(), Set.of(7L)), "7 is still served");
    }

    @Test
    void pathsAreJoinedCleanly() {
        assertEquals("/api/v1/hello", RestStatus.path("api/v1", "/hello"));
        assertEquals("/api/v1", RestStatus.path("/api/v1/", ""));
        assertEquals("/hello/x", RestStatus.path(null, "hello//x"));
    }

    private static ResourceMethodInfoDTO method(String verb, String path) {
        ResourceMethodInfoDTO method = new ResourceMethodInfoDTO();
        method.method = verb;
        method.path = path;
        return method;
    }
}
