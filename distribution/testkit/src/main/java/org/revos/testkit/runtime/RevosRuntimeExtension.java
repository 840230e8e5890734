package org.revos.testkit.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The extension behind {@link RevosRuntime}. One runtime process serves every annotated class of a test run (a start
 * costs seconds); each plugin jar is installed once; each class gets its own tenant, so classes stay independent.
 */
public final class RevosRuntimeExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RevosRuntimeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        tenant(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RevosClient.class || type == RuntimeTenant.class || type == RevosProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RuntimeTenant tenant = tenant(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == RevosProcess.class) {
            return tenant.process();
        }
        return type == RuntimeTenant.class ? tenant : tenant.admin();
    }

    /** @return the tenant of the test class of {@code context}, made on first use */
    private static RuntimeTenant tenant(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        while (testClass.getEnclosingClass() != null && !AnnotationSupport.isAnnotated(testClass, RevosRuntime.class)) {
            testClass = testClass.getEnclosingClass();
        }
        Class<?> owner = testClass;
        Running running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class,
                k -> Running.start(), Running.class);
        String pluginId = running.install(pluginJar(owner));
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("tenant:" + owner.getName(),
                k -> running.newTenant(owner.getSimpleName(), pluginId), RuntimeTenant.class);
    }

    private static Path pluginJar(Class<?> testClass) {
        String named = AnnotationSupport.findAnnotation(testClass, RevosRuntime.class).map(RevosRuntime::plugin)
                .orElse("");
        if (named.equals("none")) {
            return null;
        }
        String path = named.isEmpty() ? System.getProperty(RevosRuntime.PLUGIN_PROPERTY) : named;
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("Which plugin should the runtime install? Set -D"
                    + RevosRuntime.PLUGIN_PROPERTY + " to the jar the build made (failsafe's systemPropertyVariables),"
                    + " or name it in @RevosRuntime(plugin = ...)");
        }
        Path jar = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The plugin jar " + jar + " does not exist: run the tests after"
                    + " 'package' (mvn verify runs integration tests after the jar is built)");
        }
        return jar;
    }

    /** The process of the run, closed by JUnit when the run ends; its work folder is removed then. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        private final RevosProcess process;
        private final Map<Path, String> installed = new java.util.concurrent.ConcurrentHashMap<>();

        private Running(RevosProcess process) {
            this.process = process;
        }

        static Running start() {
            try {
                return new Running(RevosProcess.start());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start RevOS", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting RevOS", e);
            }
        }

        /** Installs {@code jar} once; @return its plugin id, {@code null} for no jar */
        synchronized String install(Path jar) {
            if (jar == null) {
                return null;
            }
            return installed.computeIfAbsent(jar, j -> {
                try {
                    RevosClient.Reply reply = process.platformAdmin().sendBytes("POST", "/admin/plugins",
                            Files.readAllBytes(j), "application/java-archive");
                    if (reply.status() != 201) {
                        throw new IllegalStateException("RevOS refused the plugin " + j.getFileName() + " with HTTP "
                                + reply.status() + ": " + reply.raw().body());
                    }
                    JsonNode plugin = reply.body();
                    return plugin.get("id").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        RuntimeTenant newTenant(String name, String pluginId) {
            RevosClient platform = process.platformAdmin();
            String id = platform.post("/admin/tenants", Map.of("name", name + " " + UUID.randomUUID())).expect(201)
                    .get("id").asText();
            String key = platform.post("/admin/tenants/" + id + "/api-keys", Map.of("name", "test admin",
                    "role", "ADMIN")).expect(201).get("key").asText();
            return new RuntimeTenant(id, process.client(key), pluginId, process);
        }

        @Override
        public void close() throws IOException {
            process.close();
            try (Stream<Path> files = Files.walk(process.workDir())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
