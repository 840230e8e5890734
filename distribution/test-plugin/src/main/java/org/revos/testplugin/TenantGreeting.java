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
    }

    private final String tenant;
    private final String greeting;

    @Activate
    public TenantGreeting(Config config) {
        this.tenant = config.revos_tenant();
        this.greeting = config.greeting();
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
