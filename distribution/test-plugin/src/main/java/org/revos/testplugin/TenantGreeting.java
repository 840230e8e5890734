package org.revos.testplugin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * One tenant's configuration of this plugin. RevOS writes a factory configuration whose factory PID is the plugin id
 * for every tenant that has the plugin enabled, so there is one instance of this component per such tenant.
 */
@Component(service = TenantGreeting.class, configurationPid = TenantGreeting.PLUGIN_ID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class TenantGreeting {

    static final String PLUGIN_ID = "org.revos.testplugin";

    /** The configuration RevOS writes: the tenant's id and the admin's {@code config} keys. */
    @interface Config {
        String revos_tenant();

        String greeting() default "hello";

        /** Event topics the tenant's test inbox announces, comma-separated. */
        String announce() default "";

        /** Whether the tenant gets the plugin's review pipeline. */
        boolean pipeline() default false;
    }

    private final String tenant;
    private final String greeting;
    private final java.util.List<String> announce;
    private final boolean pipeline;

    @Activate
    public TenantGreeting(Config config) {
        this.tenant = config.revos_tenant();
        this.greeting = config.greeting();
        this.announce = java.util.Arrays.stream(config.announce().split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
        this.pipeline = config.pipeline();
    }

    /** @return whether the tenant gets the plugin's review pipeline */
    public boolean pipeline() {
        return pipeline;
    }

    /** @return the event topics the tenant's inbox announces */
    public java.util.List<String> announce() {
        return announce;
    }

    /** @return the tenant this configuration belongs to */
    public String tenant() {
        return tenant;
    }

    /** @return the greeting the tenant's admin chose */
    public String greeting() {
        return greeting;
    }
}
