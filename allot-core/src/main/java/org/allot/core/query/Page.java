package org.allot.core.query;

import java.util.List;
import java.util.function.Function;

/** A page of rows; {@code count} is the number of all matches when asked for; {@code next} is null on the last page. */
public record Page<T>(List<T> rows, Long count, Query.Cursor next) {
    public Page {
        rows = List.copyOf(rows);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(rows.stream().<R>map(mapper).toList(), count, next);
    }
}
