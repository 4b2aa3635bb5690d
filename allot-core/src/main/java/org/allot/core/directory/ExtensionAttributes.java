package org.allot.core.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Graph's {@code onPremisesExtensionAttributes} of a user: extensionAttribute1 to 15, each optional. */
public record ExtensionAttributes(List<String> values) {
    public static final int COUNT = 15;
    public static final ExtensionAttributes NONE = new ExtensionAttributes(Arrays.asList(new String[COUNT]));

    public ExtensionAttributes {
        Objects.requireNonNull(values, "values");
        if (values.size() != COUNT) {
            throw new IllegalArgumentException("extension attributes are " + COUNT + ": " + values);
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The attributes in order, from an array that may be null (none set) or shorter. */
    public static ExtensionAttributes of(String[] values) {
        String[] all = new String[COUNT];
        if (values != null) {
            System.arraycopy(values, 0, all, 0, Math.min(values.length, COUNT));
        }
        return new ExtensionAttributes(Arrays.asList(all));
    }

    /** {@code extensionAttribute<n>}, n from 1 to 15. */
    public String get(int n) {
        return values.get(n - 1);
    }

    public ExtensionAttributes with(int n, String value) {
        List<String> changed = new ArrayList<>(values);
        changed.set(n - 1, value);
        return new ExtensionAttributes(changed);
    }

    public boolean isEmpty() {
        for (String value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }
}
