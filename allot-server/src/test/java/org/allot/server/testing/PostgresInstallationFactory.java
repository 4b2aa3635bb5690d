package org.allot.server.testing;

import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Catalog;
import org.allot.core.testing.Installation;
import org.allot.core.testing.InstallationFactory;
import org.allot.core.testing.MutableClock;

/** Lets the core's rule tests run on PostgreSQL: {@code -Dallot.test.installation=postgres}. */
public final class PostgresInstallationFactory implements InstallationFactory {
    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Installation create(Catalog builtIn, LicensingSettings settings, MutableClock clock) {
        return new PostgresInstallation(TestDatabase.shared(), builtIn, settings, clock);
    }
}
