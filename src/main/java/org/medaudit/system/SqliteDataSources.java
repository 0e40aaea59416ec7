package org.medaudit.system;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConnection;

/**
 * Makes the embedded SQLite database work under Micronaut Data. Three things are needed (STACK.md): the folder of
 * the database file must exist before the pool opens it, {@code Connection.setReadOnly} must be ignored, because
 * sqlite-jdbc refuses it once connected and Micronaut Data calls it on every read-only transaction
 * (micronaut-data#3560), and a transaction that could not begin must leave its connection as it was. Nothing
 * changes for PostgreSQL.
 */
final class SqliteDataSources {

    private SqliteDataSources() {
    }

    /** Creates the database file's folder, e.g. {@code ./data}, before the pool connects. */
    @Singleton
    static final class DatabaseFolder implements BeanCreatedEventListener<DatasourceConfiguration> {
        @Override
        public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
            DatasourceConfiguration configuration = event.getBean();
            String url = configuration.getUrl();
            if (SqliteUrl.isSqlite(url)) {
                String file = SqliteUrl.file(url);
                Path parent = Path.of(file).toAbsolutePath().getParent();
                if (!file.isEmpty() && !file.equals(":memory:") && parent != null) {
                    try {
                        Files.createDirectories(parent);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot create the database folder " + parent, e);
                    }
                }
            }
            return configuration;
        }
    }

    /** Wraps the SQLite pool so that read-only hints are accepted and ignored. */
    @Singleton
    static final class ReadOnlyHintIgnored implements BeanCreatedEventListener<DataSource>, Ordered {
        @Override
        public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
            DataSource dataSource = event.getBean();
            if (dataSource instanceof HikariDataSource hikari && SqliteUrl.isSqlite(hikari.getJdbcUrl())) {
                return new IgnoringReadOnly(hikari);
            }
            return dataSource;
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }

    /**
     * A SQLite pool whose connections ignore {@code setReadOnly} and stay consistent when a transaction cannot
     * begin; closing it closes the pool.
     */
    static final class IgnoringReadOnly implements DataSource, Closeable {
        private final HikariDataSource pool;

        IgnoringReadOnly(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(pool.getConnection(username, password));
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setReadOnly":
                                return null;
                            case "isReadOnly":
                                return false;
                            case "setAutoCommit":
                                return beginOrRestore(connection, (Boolean) args[0]);
                            case "unwrap":
                                if (((Class<?>) args[0]).isInstance(proxy)) {
                                    return proxy;
                                }
                                break;
                            default:
                                break;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /**
         * sqlite-jdbc records "in a transaction" before it runs {@code BEGIN IMMEDIATE}; when the BEGIN fails because
         * another writer holds the lock ({@code SQLITE_BUSY}), the connection is left believing it is in a
         * transaction that does not exist. Its next transaction then issues no BEGIN at all: every statement commits
         * on its own — a half-written sample if one fails — and the final commit fails with "no transaction is
         * active". Restoring the flag keeps the failure what it is: a busy database, and a clean connection.
         */
        private static Object beginOrRestore(Connection connection, boolean autoCommit) throws SQLException {
            try {
                connection.setAutoCommit(autoCommit);
                return null;
            } catch (SQLException e) {
                if (!autoCommit) {
                    connection.unwrap(SQLiteConnection.class).getConnectionConfig().setAutoCommit(true);
                }
                throw e;
            }
        }

        @Override
        public void close() {
            pool.close();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || pool.isWrapperFor(type);
        }
    }
}
