package org.revos.runtime.internal.persistence;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.revos.runtime.internal.security.Secrets;

/**
 * A hash of each entity's mapping (its class and superclasses, their annotations and fields), kept in the database per
 * entity. When every member of the persistence unit has its current hash stored, the schema is already right and the
 * runtime skips EclipseLink's create-or-extend step: a faster start, and an engine that comes back finds its tables
 * as it left them. A new or changed entity (an engine installed or updated) makes the schema be extended.
 */
final class SchemaFingerprint {

    private static final String TABLE = "REVOS_ENTITY_SCHEMA";

    private SchemaFingerprint() {
    }

    /** @return each class's fingerprint by class name, in the order given */
    static Map<String, String> current(List<Class<?>> entities) {
        Map<String, String> prints = new LinkedHashMap<>();
        for (Class<?> entity : entities) {
            StringBuilder text = new StringBuilder();
            for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
                describe(c, text);
            }
            prints.put(entity.getName(), Secrets.sha256(text.toString()));
        }
        return prints;
    }

    private static void describe(Class<?> type, StringBuilder text) {
        text.append(type.getName()).append(annotations(type.getAnnotations())).append('\n');
        Arrays.stream(type.getDeclaredFields()).sorted(Comparator.comparing(Field::getName)).forEach(f -> text
                .append("  ").append(f.getName()).append(':').append(f.getGenericType().getTypeName())
                .append(annotations(f.getAnnotations())).append('\n'));
    }

    private static String annotations(Annotation[] annotations) {
        return Arrays.stream(annotations).map(Annotation::toString).sorted().toList().toString();
    }

    /** @return the entities whose stored fingerprint differs from {@code current}'s, or is missing */
    static List<Class<?>> changed(DataSource ds, List<Class<?>> entities, Map<String, String> current) {
        Map<String, String> stored = stored(ds);
        return entities.stream().filter(e -> !current.get(e.getName()).equals(stored.get(e.getName()))).toList();
    }

    private static Map<String, String> stored(DataSource ds) {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CLASSNAME, FINGERPRINT FROM " + TABLE)) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException missingTable) {
            return Map.of();
        }
        return stored;
    }

    /** Records that the tables of {@code current}'s entities now match their fingerprints. */
    static void store(DataSource ds, Map<String, String> current) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE " + TABLE + " (CLASSNAME VARCHAR(400) PRIMARY KEY,"
                        + " FINGERPRINT VARCHAR(64) NOT NULL)");
            } catch (SQLException alreadyThere) {
                // created by an earlier start
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE CLASSNAME = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : current.entrySet()) {
                    delete.setString(1, e.getKey());
                    delete.executeUpdate();
                    insert.setString(1, e.getKey());
                    insert.setString(2, e.getValue());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the schema fingerprints", e);
        }
    }
}
