package org.revos.blackbox;

import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes a {@link Revos} client of one runtime process shared by every black-box test class of the run
 * (started once, stopped when the run ends). Tests isolate themselves by creating their own tenants.
 */
public final class RevosExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Revos.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
        return shared.revos;
    }

    /** Closed by JUnit when the root context closes, after the last test. */
    static final class Shared implements ExtensionContext.Store.CloseableResource {
        final RevosProcess process;
        final Revos revos;

        Shared() {
            try {
                process = RevosProcess.start(Map.of());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start RevOS", e);
            }
            revos = new Revos(process);
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
