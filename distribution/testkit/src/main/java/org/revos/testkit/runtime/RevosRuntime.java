package org.revos.testkit.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real RevOS: the runtime jar ({@code -Drevos.jar}) is started once for the
 * test run on a free port of 127.0.0.1 with a fresh data folder, the plugin jar under test ({@code -Drevos.plugin.jar}
 * unless {@link #plugin()} names it) is installed over {@code POST /api/v1/admin/plugins}, and each test class gets a
 * tenant of its own with an ADMIN key. Test constructors and methods may declare parameters of type
 * {@link RevosClient} (bound to the tenant's ADMIN key), {@link RuntimeTenant} and {@link RevosProcess}. The process
 * is stopped, and its work folder removed, when the run ends.
 *
 * <pre>{@code
 * @RevosRuntime
 * class HelloIT {
 *     @Test
 *     void answers(RevosClient tenant) {
 *         assertEquals("hello", tenant.get("/hello").expect(200).get("text").asText());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RevosRuntimeExtension.class)
public @interface RevosRuntime {

    /** The system property naming the plugin jar to install when {@link #plugin()} is empty. */
    String PLUGIN_PROPERTY = "revos.plugin.jar";

    /**
     * @return the plugin jar to install, relative to the working folder (a Maven build's module folder); empty for
     *         {@code -Drevos.plugin.jar}; {@code "none"} to install nothing
     */
    String plugin() default "";
}
