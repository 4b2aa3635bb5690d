package org.allot.server.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.allot.core.Actor;

/** Converts between Java values and the column values of Allot's schema. */
final class SqlValues {
    private SqlValues() {}

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Who did something, from the columns {@code prefix_kind}, {@code prefix_id} and {@code prefix_name}. */
    static Actor actor(ResultSet rs, String prefix) throws SQLException {
        return new Actor(
                Actor.Kind.valueOf(rs.getString(prefix + "_kind")),
                rs.getString(prefix + "_id"),
                rs.getString(prefix + "_name"));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static <T> List<T> uuids(ResultSet rs, String column, Function<UUID, T> wrap) throws SQLException {
        Array array = rs.getArray(column);
        List<T> result = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                result.add(wrap.apply((UUID) o));
            }
        }
        return result;
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<String> result = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                result.add((String) o);
            }
        }
        return result;
    }

    /** The initial capacity of a hash map that will hold this many entries without growing. */
    static int capacity(int entries) {
        return (int) Math.min(1 << 30, entries * 4L / 3 + 1);
    }

    static <T> UUID[] uuidArray(Collection<T> values, Function<T, UUID> unwrap) {
        return values.stream().map(unwrap).toArray(UUID[]::new);
    }
}
