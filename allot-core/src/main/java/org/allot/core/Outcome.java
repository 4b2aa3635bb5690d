package org.allot.core;

import java.util.Objects;
import java.util.function.Function;

/** The result of a command: done with a value, or refused for a reason the caller can show. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Rejection rejection) {
        return new Refused<>(rejection);
    }

    static <T> Outcome<T> refused(ErrorCode code, String format, Object... args) {
        return new Refused<>(Rejection.of(code, format, args));
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    /** The value of a done outcome; a bug to call on a refused one. */
    default T value() {
        if (this instanceof Done<T> done) {
            return done.result();
        }
        throw new IllegalStateException("refused: " + ((Refused<T>) this).rejection());
    }

    /** The rejection of a refused outcome; a bug to call on a done one. */
    default Rejection rejection() {
        if (this instanceof Refused<T> refused) {
            return refused.reason();
        }
        throw new IllegalStateException("not refused");
    }

    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Done<T> done) {
            return new Done<>(mapper.apply(done.result()));
        }
        return new Refused<>(rejection());
    }

    default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> mapper) {
        if (this instanceof Done<T> done) {
            return mapper.apply(done.result());
        }
        return new Refused<>(rejection());
    }

    record Done<T>(T result) implements Outcome<T> {}

    record Refused<T>(Rejection reason) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
