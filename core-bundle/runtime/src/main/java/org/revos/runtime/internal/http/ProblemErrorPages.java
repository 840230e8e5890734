package org.revos.runtime.internal.http;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.osgi.service.component.annotations.Component;

/**
 * Installs {@link ProblemErrorHandler} on the Jetty server that Felix's HTTP service runs, every time it starts it.
 * <p>
 * A {@link ConnectorFactory} service is the one hook of Felix's http.jetty12 that is handed the Jetty {@link Server}
 * (it is called when Jetty has started, before the whiteboard registers anything). The factory must return a
 * connector; this one listens on no port anyone uses: it is bound to an ephemeral port of 127.0.0.1 by Jetty and
 * closed and removed again as soon as it has started, so RevOS still listens on its one port only.
 */
@Component(service = ConnectorFactory.class)
public final class ProblemErrorPages implements ConnectorFactory {

    @Override
    public Connector createConnector(Server server) {
        server.setErrorHandler(new ProblemErrorHandler());
        ServerConnector unused = new ServerConnector(server, 1, 1);
        unused.setHost("127.0.0.1");
        unused.setPort(0);
        unused.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                server.removeConnector(unused);
                LifeCycle.stop(unused);
            }
        });
        return unused;
    }
}
