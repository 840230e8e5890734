package org.revos.bench.baseline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A fixed set of open connections to one embedded Derby database, lent out one request at a time. */
public final class ConnectionPool implements AutoCloseable {

    /** A borrowed connection; closing it returns it to the pool. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        @Override
        public void close() {
            idle.add(connection);
        }
    }

    private final String url;
    private final BlockingQueue<Connection> idle;

    /** Opens {@code size} connections to the existing database in {@code folder}. */
    public ConnectionPool(String folder, int size) throws SQLException {
        this.url = "jdbc:derby:" + folder;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection connection = DriverManager.getConnection(url);
            connection.setReadOnly(true);
            idle.add(connection);
        }
    }

    public Lease borrow() throws InterruptedException {
        return new Lease(idle.take());
    }

    /** Closes the idle connections and shuts the database down cleanly. */
    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
