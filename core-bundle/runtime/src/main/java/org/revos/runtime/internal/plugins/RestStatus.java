package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.jakartars.runtime.dto.BaseApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.BaseDTO;
import org.osgi.service.jakartars.runtime.dto.DTOConstants;
import org.osgi.service.jakartars.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * Where some Jakarta REST whiteboard services (resources and extensions, by service id) stand in the whiteboard's
 * runtime DTO: served (with their operations), failed (with the reason) or not processed yet.
 *
 * @param operations what the served resources answer, such as {@code GET /api/v1/hello}
 * @param failures   one sentence per service the whiteboard refused
 * @param pending    services the whiteboard has not processed yet
 */
public record RestStatus(Set<String> operations, List<String> failures, Set<Long> pending) {

    public RestStatus {
        operations = Set.copyOf(operations);
        failures = List.copyOf(failures);
        pending = Set.copyOf(pending);
    }

    /** @return the status of {@code serviceIds} in {@code dto} */
    public static RestStatus of(RuntimeDTO dto, Set<Long> serviceIds) {
        Set<String> operations = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        Set<Long> pending = new HashSet<>(serviceIds);
        List<BaseApplicationDTO> applications = new ArrayList<>();
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            applications.addAll(Arrays.asList(dto.applicationDTOs));
        }
        for (BaseApplicationDTO application : applications) {
            for (ResourceDTO resource : orEmpty(application.resourceDTOs)) {
                if (pending.remove(resource.serviceId) && resource.resourceMethods != null) {
                    for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                        operations.add(method.method + " " + path(application.base, method.path));
                    }
                }
            }
            for (BaseDTO extension : orEmpty(application.extensionDTOs)) {
                pending.remove(extension.serviceId);
            }
        }
        for (FailedResourceDTO failed : orEmpty(dto.failedResourceDTOs)) {
            if (pending.remove(failed.serviceId)) {
                failures.add("REST resource " + failed.name + " (service " + failed.serviceId + ") is not served: "
                        + reason(failed.failureReason));
            }
        }
        for (FailedExtensionDTO failed : orEmpty(dto.failedExtensionDTOs)) {
            if (pending.remove(failed.serviceId)) {
                failures.add("REST extension " + failed.name + " (service " + failed.serviceId + ") is not used: "
                        + reason(failed.failureReason));
            }
        }
        return new RestStatus(operations, failures, pending);
    }

    /**
     * @return whether the whiteboard has processed every service of {@code served} and forgotten every one of
     *         {@code gone} (both among the services this status was made for)
     */
    public boolean applied(Set<Long> served, Set<Long> gone) {
        return served.stream().noneMatch(pending::contains) && pending.containsAll(gone);
    }

    /** @return {@code /api/v1/hello} from an application base such as {@code /api/v1/} and a path {@code hello} */
    static String path(String base, String path) {
        String joined = "/" + (base == null ? "" : base) + "/" + (path == null ? "" : path);
        joined = joined.replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** @return a Jakarta REST whiteboard failure reason in words */
    static String reason(int failureReason) {
        return switch (failureReason) {
            case DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE -> "another service shadows it";
            case DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE ->
                "the whiteboard could not get the service (its component failed to activate)";
            case DTOConstants.FAILURE_REASON_VALIDATION_FAILED -> "its whiteboard properties are invalid";
            case DTOConstants.FAILURE_REASON_NOT_AN_EXTENSION_TYPE -> "it is not a Jakarta REST extension type";
            case DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE ->
                "extensions it requires (osgi.jakartars.extension.select) are not available";
            case DTOConstants.FAILURE_REASON_DUPLICATE_NAME -> "another service has the same osgi.jakartars.name";
            case DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE ->
                "the application it selects (osgi.jakartars.application.select) is not available";
            default -> "the whiteboard gives no reason (code " + failureReason + ")";
        };
    }

    private static <T> List<T> orEmpty(T[] array) {
        return array == null ? List.of() : Arrays.asList(array);
    }
}
