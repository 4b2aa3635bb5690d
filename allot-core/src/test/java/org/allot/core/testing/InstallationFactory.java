package org.allot.core.testing;

import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Catalog;

/** Makes installations on some storage; found with {@link java.util.ServiceLoader}. */
public interface InstallationFactory {
    /** The value of {@code allot.test.installation} that selects this factory. */
    String name();

    Installation create(Catalog builtIn, LicensingSettings settings, MutableClock clock);
}
