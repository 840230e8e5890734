package org.revos.runtime.internal.plugins;

import java.lang.reflect.InvocationTargetException;

import org.osgi.framework.BundleException;

/**
 * Shortens failures to the line an administrator needs: the root cause of an exception or of a stack trace as SCR
 * reports it ({@code java.lang.IllegalStateException: boom}), not the reflection wrappers around it.
 */
public final class FailureText {

    private static final String CAUSED_BY = "Caused by: ";

    private FailureText() {
    }

    /** @return the root cause line of a printed stack trace; its first line when it has no cause */
    public static String ofStackTrace(String trace) {
        if (trace == null || trace.isBlank()) {
            return "unknown failure";
        }
        String[] lines = trace.strip().split("\\R");
        String root = lines[0].strip();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith(CAUSED_BY)) {
                root = l.substring(CAUSED_BY.length()).strip();
            }
        }
        return root;
    }

    /** @return {@code type: message} of the root cause, reflection and bundle-exception wrappers removed */
    public static String of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof InvocationTargetException ite && ite.getTargetException() != null) {
            root = ite.getTargetException();
        }
        return root instanceof BundleException ? root.getMessage() : root.toString();
    }
}
