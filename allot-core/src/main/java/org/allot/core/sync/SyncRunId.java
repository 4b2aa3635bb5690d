package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

public record SyncRunId(UUID value) {
    public SyncRunId {
        Objects.requireNonNull(value, "value");
    }

    public static SyncRunId of(String value) {
        return new SyncRunId(UUID.fromString(value));
    }

    public static SyncRunId random() {
        return new SyncRunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
