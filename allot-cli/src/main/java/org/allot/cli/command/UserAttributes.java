package org.allot.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The user attributes {@code user create} and {@code user update} set; an empty value clears one on update. */
final class UserAttributes {
    @Option(
            names = {"--display-name", "--name"},
            paramLabel = "NAME",
            description = "Display name (needed to create).")
    String displayName;

    @Option(names = "--given-name", description = "First name.", paramLabel = "NAME")
    String givenName;

    @Option(names = "--surname", description = "Last name.", paramLabel = "NAME")
    String surname;

    @Option(names = "--mail", description = "Email address.", paramLabel = "ADDRESS")
    String mail;

    @Option(names = "--department", description = "Department.", paramLabel = "TEXT")
    String department;

    @Option(names = "--job-title", description = "Job title.", paramLabel = "TEXT")
    String jobTitle;

    @Option(names = "--company", description = "Company name.", paramLabel = "TEXT")
    String companyName;

    @Option(names = "--city", description = "City.", paramLabel = "TEXT")
    String city;

    @Option(names = "--country", description = "Country or region.", paramLabel = "TEXT")
    String country;

    @Option(names = "--employee-id", description = "Employee id.", paramLabel = "ID")
    String employeeId;

    @Option(
            names = "--usage-location",
            paramLabel = "CC",
            description = "Two-letter country code, e.g. US; needed for direct license assignment.")
    String usageLocation;

    @Option(names = "--user-type", paramLabel = "TYPE", description = "Member or Guest.")
    String userType;

    @Option(
            names = "--account-enabled",
            paramLabel = "true|false",
            arity = "1",
            description = "Whether the account may sign in.")
    Boolean accountEnabled;

    /** The Graph properties given, an empty text as null (cleared). */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        text(values, "displayName", displayName);
        text(values, "givenName", givenName);
        text(values, "surname", surname);
        text(values, "mail", mail);
        text(values, "department", department);
        text(values, "jobTitle", jobTitle);
        text(values, "companyName", companyName);
        text(values, "city", city);
        text(values, "country", country);
        text(values, "employeeId", employeeId);
        text(values, "usageLocation", usageLocation);
        text(values, "userType", userType);
        if (accountEnabled != null) {
            values.put("accountEnabled", accountEnabled);
        }
        return values;
    }

    private static void text(Map<String, Object> values, String name, String value) {
        if (value != null) {
            values.put(name, value.isBlank() ? null : value.strip());
        }
    }
}
