package org.revos.runtime.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.revos.runtime.internal.security.Secrets;

/**
 * A hash of the entity mappings (every class of the persistence unit, its annotations and fields), kept in the
 * database. When the stored fingerprint equals the current one the schema is already right, and the runtime skips
 * EclipseLink's create-or-extend step: a faster start, and no "table already exists" warnings on every restart.
 */
final class SchemaFingerprint {

    private static final String TABLE = "REVOS_SCHEMA";
    private static final Pattern CLASS = Pattern.compile("<class>\\s*([\\w.$]+)\\s*</class>");

    private SchemaFingerprint() {
    }

    /** @return the fingerprint of the entities listed in {@code META-INF/persistence.xml} */
    static String current(ClassLoader loader) {
        StringBuilder text = new StringBuilder();
        try (InputStream xml = loader.getResourceAsStream("META-INF/persistence.xml")) {
            if (xml == null) {
                throw new IllegalStateException("META-INF/persistence.xml is missing from " + loader);
            }
            Matcher m = CLASS.matcher(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                describe(loader.loadClass(m.group(1)), text);
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the persistence unit's classes", e);
        }
        return Secrets.sha256(text.toString());
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

    /** @return the fingerprint stored by the last start that created or extended the schema */
    static Optional<String> stored(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT FINGERPRINT FROM " + TABLE + " WHERE NAME = 'revos'")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException missingTable) {
            return Optional.empty();
        }
    }

    /** Records that the schema now matches {@code fingerprint}. */
    static void store(DataSource ds, String fingerprint) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE " + TABLE + " (NAME VARCHAR(40) PRIMARY KEY, FINGERPRINT VARCHAR(64))");
            } catch (SQLException alreadyThere) {
                // created by an earlier start
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE NAME = 'revos'");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES ('revos', ?)")) {
                delete.executeUpdate();
                insert.setString(1, fingerprint);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the schema fingerprint", e);
        }
    }
}
