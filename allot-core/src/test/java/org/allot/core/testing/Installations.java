package org.allot.core.testing;

import java.util.ServiceLoader;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Catalog;

/** Chooses the installation the rule tests run on. */
public final class Installations {
    public static final String PROPERTY = "allot.test.installation";

    private Installations() {}

    public static Installation create(Catalog builtIn, LicensingSettings settings) {
        String wanted = System.getProperty(PROPERTY, "memory");
        MutableClock clock = MutableClock.startingAt("2026-01-05T09:00:00Z");
        if (wanted.equals("memory")) {
            return new InMemoryAllot(builtIn, settings, clock);
        }
        for (InstallationFactory factory : ServiceLoader.load(InstallationFactory.class)) {
            if (factory.name().equals(wanted)) {
                return factory.create(builtIn, settings, clock);
            }
        }
        throw new IllegalStateException("no installation factory named " + wanted);
    }
}
