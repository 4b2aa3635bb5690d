package org.allot.server;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every licensing rule test of the core, run again with the server's JDBC adapters and job runner on PostgreSQL
 * (failsafe sets {@code allot.test.installation=postgres}): the storage must behave exactly like the in-memory
 * ports the rules were written against. {@code TakeBackLockOrderTest} is left out: it reads the order in which the
 * in-memory seat port was asked for its locks, which PostgreSQL does not record (there, {@code TakeBackRaceIT} and
 * {@code LicenseRaceIT} race take-backs against other changes).
 */
@Suite
@SuiteDisplayName("Licensing rules on PostgreSQL")
@SelectPackages({
    "org.allot.core.assignment",
    "org.allot.core.directory",
    "org.allot.core.catalog",
    "org.allot.core.rules",
    "org.allot.core.subscription"
})
@IncludeClassNamePatterns(".*Test")
@ExcludeClassNamePatterns({".*Architecture.*", ".*TakeBackLockOrderTest"})
class RulesOnPostgresIT {}
