package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class FailureTextTest {

    @Test
    void aStackTraceIsShortenedToItsRootCause() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(x.java:1)
                Caused by: java.lang.RuntimeException: wrapper
                \t... 12 more
                Caused by: java.lang.IllegalStateException: boom
                \tat org.acme.Plugin.<init>(Plugin.java:12)
                """;
        assertEquals("java.lang.IllegalStateException: boom", FailureText.ofStackTrace(trace));
        assertEquals("java.lang.IllegalStateException: boom", FailureText.ofStackTrace(
                "java.lang.IllegalStateException: boom\n\tat org.acme.Plugin.activate(Plugin.java:3)\n"));
        assertEquals("unknown failure", FailureText.ofStackTrace(null));
    }

    @Test
    void anExceptionIsShortenedToItsRootCause() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertEquals("java.lang.IllegalStateException: boom",
                FailureText.of(new BundleException("start failed", BundleException.ACTIVATOR_ERROR,
                        new InvocationTargetException(boom))));
        assertEquals("Unresolved requirement: x", FailureText.of(new BundleException("Unresolved requirement: x")));
    }
}
