package org.medaudit.system;

import io.micronaut.data.jdbc.mapper.JdbcQueryStatement;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.naming.NamingStrategy;
import io.micronaut.data.model.runtime.RuntimeEntityRegistry;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;
import io.micronaut.data.runtime.convert.DataConversionService;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Inserts many rows of one mapped entity as a single JDBC batch in the caller's transaction.
 *
 * <p>Micronaut Data's {@code saveAll} cannot do this on SQLite for tables with generated ids: it asks the driver for
 * every generated key of the batch, which sqlite-jdbc cannot give (STACK.md), so rows were saved one statement at
 * a time — about thirty round trips per chart sample, all inside the database's single write lock. Here the table,
 * columns and types come from the entity's own mapping and values are bound by Micronaut Data's own binder, so a
 * record stays the one description of its row and batch-written rows are stored exactly as a repository stores
 * them. Generated ids are left to the database; the caller gets no ids back.
 */
@Singleton
public class BatchInserts {

    private final RuntimeEntityRegistry entities;
    private final JdbcOperations jdbc;
    private final JdbcQueryStatement binder;
    private final Map<Class<?>, Insert<?>> inserts = new ConcurrentHashMap<>();

    BatchInserts(RuntimeEntityRegistry entities, JdbcOperations jdbc, DataConversionService conversions) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.binder = new JdbcQueryStatement(conversions);
    }

    /** Inserts every row (none when the list is empty or null); must run inside a transaction. */
    public <T> void insert(Class<T> type, List<T> rows) {
        if (rows == null || rows.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Insert<T> insert = (Insert<T>) inserts.computeIfAbsent(type, this::insertFor);
        jdbc.prepareStatement(insert.sql(), statement -> {
            for (T row : rows) {
                insert.bind(binder, statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    private <T> Insert<T> insertFor(Class<T> type) {
        RuntimePersistentEntity<T> entity = entities.getEntity(type);
        NamingStrategy naming = entity.getNamingStrategy();
        List<RuntimePersistentProperty<T>> columns = new ArrayList<>();
        RuntimePersistentProperty<T> identity = entity.getIdentity();
        if (identity != null && !identity.isGenerated()) {
            columns.add(identity);
        }
        columns.addAll(entity.getPersistentProperties());
        String sql = "INSERT INTO " + naming.mappedName(entity) + " ("
                + columns.stream().map(naming::mappedName).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        return new Insert<>(sql, List.copyOf(columns));
    }

    /** One entity's INSERT statement and the properties bound to its parameters, in order. */
    private record Insert<T>(String sql, List<RuntimePersistentProperty<T>> columns) {

        void bind(JdbcQueryStatement binder, PreparedStatement statement, T row) throws SQLException {
            for (int i = 0; i < columns.size(); i++) {
                RuntimePersistentProperty<T> column = columns.get(i);
                binder.setDynamic(statement, i + 1, column.getDataType(), column.getProperty().get(row));
            }
        }
    }
}
