package org.allot.core;

import java.io.Serializable;
import java.util.Objects;

/** Who made a change: a person, an app, or one of Allot's own processes. */
public record Actor(Kind kind, String id, String displayName) implements Serializable {
    public static final Actor GROUP_BASED_LICENSING = system("group-based licensing");
    public static final Actor DIRECTORY_SYNC = system("directory sync");
    /** The license check: its scheduled runs, and every repair it makes. */
    public static final Actor RECONCILIATION = system("reconciliation");

    public static final Actor SYSTEM = system("Allot");

    public enum Kind {
        USER,
        APP,
        SYSTEM
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    public static Actor user(String id, String displayName) {
        return new Actor(Kind.USER, id, displayName);
    }

    public static Actor app(String id, String displayName) {
        return new Actor(Kind.APP, id, displayName);
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name, name);
    }
}
