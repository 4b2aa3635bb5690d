package org.allot.cli.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.api.extensions.DirectorySyncConnector;
import org.allot.cli.output.Item;
import org.allot.cli.process.Environment;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Option;

/**
 * The connector settings {@code allot sync configure}, {@code allot sync test} and {@code allot sync preview} take. What is not given stays as
 * the stored connector has it; the password is never an argument: it comes from standard input or
 * {@code $ALLOT_SYNC_PASSWORD}.
 */
final class ConnectorOptions {
    static final String PASSWORD_VARIABLE = "ALLOT_SYNC_PASSWORD";

    @Option(names = "--preset", paramLabel = "PRESET", description = "activeDirectory (the default) or genericLdap.")
    String preset;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description =
                    "ldap://host[:port] or ldaps://host[:port]; several, quoted and separated by spaces, are tried in"
                            + " that order.")
    String url;

    @Option(
            names = "--start-tls",
            negatable = true,
            description = "Encrypt an ldap:// connection with StartTLS before binding (--no-start-tls: do not).")
    Boolean startTls;

    @Option(
            names = "--trusted-certificate",
            paramLabel = "FILE",
            description = "A PEM file with the certificate(s) to trust for TLS; \"\" trusts Java's authorities.")
    String certificate;

    @Option(
            names = "--bind-dn",
            paramLabel = "DN",
            description = "Who to bind as: a DN, or user@domain for Active Directory; \"\" binds anonymously.")
    String bindDn;

    @Option(
            names = "--password-stdin",
            description = "Read the bind password from the first line of standard input (otherwise from "
                    + PASSWORD_VARIABLE + "; with neither, the stored password is kept).")
    boolean passwordStdin;

    @Option(
            names = "--base-dn",
            paramLabel = "DN",
            description = "A subtree to read users and groups from; repeat for several (replaces the list).")
    List<String> baseDns;

    @Option(
            names = "--exclude-dn",
            paramLabel = "DN",
            description = "A subtree under the base DNs to leave out, e.g. OU=Disabled,OU=Staff,DC=contoso,DC=com;"
                    + " repeat for several (replaces the list; --exclude-dn \"\" clears it).")
    List<String> excludedDns;

    @Option(
            names = "--user-filter",
            paramLabel = "FILTER",
            description = "LDAP filter of the users; \"\" uses the preset's.")
    String userFilter;

    @Option(
            names = "--group-filter",
            paramLabel = "FILTER",
            description = "LDAP filter of the groups; \"\" uses the preset's.")
    String groupFilter;

    @Option(
            names = "--map",
            paramLabel = "NAME=ATTRIBUTES",
            description = "Map an attribute otherwise than the preset does, e.g. department=extensionAttribute1"
                    + " (NAME= syncs nothing); repeat for several; added to the stored overrides.")
    List<String> map;

    @Option(
            names = "--member-attribute",
            paramLabel = "ATTRIBUTE[:USER_ATTRIBUTE]",
            description = "An attribute of the groups that lists their members: member or uniqueMember (distinguished"
                    + " names), or memberUid:uid for posixGroups (values naming users by uid); repeat for several, all"
                    + " read (sets the group.member mapping).")
    List<String> memberAttributes;

    @Option(names = "--clear-mapping", description = "Drop every stored mapping override first.")
    boolean clearMapping;

    @Option(
            names = "--schedule",
            negatable = true,
            description = "Sync on the schedule (--no-schedule: only when asked, e.g. by 'allot sync run').")
    Boolean schedule;

    @Option(
            names = "--soft-match",
            negatable = true,
            description = "Let a directory user Allot lacks take over the cloud user with its principal name or mail"
                    + " (the default; --no-soft-match: fail on the name instead).")
    Boolean softMatch;

    @Option(
            names = "--staging",
            negatable = true,
            description = "Staging mode: runs work out and report what they would do and apply nothing, as Entra"
                    + " Connect's staging server (--no-staging: the next run applies).")
    Boolean staging;

    @Option(
            names = "--deletion-check-minutes",
            paramLabel = "MINUTES|off",
            description = "How often a delta run of a directory that does not tell its deletions (generic LDAP) lists"
                    + " the directory to find them: every MINUTES (0: every run), or off (only full runs do, on the"
                    + " server's full-sync schedule).")
    String deletionCheck;

    /** Whether any setting was given (the password alone counts). */
    boolean any() {
        return preset != null
                || url != null
                || startTls != null
                || certificate != null
                || bindDn != null
                || passwordStdin
                || baseDns != null
                || excludedDns != null
                || userFilter != null
                || groupFilter != null
                || map != null
                || memberAttributes != null
                || clearMapping
                || schedule != null
                || softMatch != null
                || staging != null
                || deletionCheck != null;
    }

    /**
     * The connector to send: {@code current} (null when there is none) with what was given; filters the stored
     * connector has from another preset are dropped when the preset changes.
     */
    DirectorySyncConnector merged(DirectorySyncConnector current, String password) {
        DirectorySyncConnector was = current == null
                ? new DirectorySyncConnector(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null)
                : current;
        boolean samePreset = preset == null || Objects.equals(preset.strip(), was.preset());
        String newUrl = given(url, was.url());
        if (newUrl == null || newUrl.isBlank()) {
            throw Failure.usage("Give --url, e.g. --url ldaps://dc1.contoso.com.");
        }
        return new DirectorySyncConnector(
                given(preset, was.preset()),
                newUrl,
                startTls != null ? startTls : was.startTls(),
                certificate != null ? certificate(certificate) : was.trustedCertificate(),
                given(bindDn, was.bindDn()),
                password,
                null,
                baseDns != null ? baseDns : was.baseDns(),
                given(userFilter, samePreset ? was.userFilter() : null),
                given(groupFilter, samePreset ? was.groupFilter() : null),
                mapping(was.mapping()),
                schedule != null ? schedule : was.enabled(),
                softMatch != null ? softMatch : was.softMatch(),
                null,
                null,
                null,
                excludedDns != null
                        ? excludedDns.stream().filter(dn -> !dn.isBlank()).toList()
                        : was.excludedDns(),
                staging != null ? staging : was.staging(),
                deletionCheck != null ? deletionCheckMinutes(deletionCheck) : was.deletionCheckMinutes());
    }

    /** The --deletion-check-minutes value: a whole number of minutes, or null for off. */
    private static Integer deletionCheckMinutes(String value) {
        String given = value.strip();
        if (given.equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return Integer.valueOf(given);
        } catch (NumberFormatException e) {
            throw Failure.usage(
                    "--deletion-check-minutes takes a number of minutes (0: every run) or off; got '" + value + "'.");
        }
    }

    /** The password the options point at: the first line of standard input, or the variable; null for neither. */
    String password(Environment environment) {
        if (passwordStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8))
                        .readLine();
                if (line == null || line.isEmpty()) {
                    throw Failure.usage("--password-stdin: standard input has no password on its first line.");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return environment.variable(PASSWORD_VARIABLE).orElse(null);
    }

    private Map<String, String> mapping(Map<String, String> stored) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (!clearMapping && stored != null) {
            mapping.putAll(stored);
        }
        for (String entry : map == null ? List.<String>of() : map) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw Failure.usage(
                        "--map takes NAME=ATTRIBUTES, e.g. --map department=extensionAttribute1; got '" + entry + "'.");
            }
            replace(
                    mapping,
                    entry.substring(0, equals).strip(),
                    entry.substring(equals + 1).strip());
        }
        if (memberAttributes != null) {
            replace(
                    mapping,
                    "group.member",
                    String.join(
                            ", ", memberAttributes.stream().map(String::strip).toList()));
        }
        return mapping;
    }

    /** Sets one override, in place of the stored one of that name in any case: the server reads names so. */
    private static void replace(Map<String, String> mapping, String name, String attributes) {
        mapping.keySet().removeIf(stored -> stored.strip().equalsIgnoreCase(name));
        mapping.put(name, attributes);
    }

    private static String given(String option, String stored) {
        return option != null ? option.strip() : stored;
    }

    private static String certificate(String file) {
        if (file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw Failure.usage("--trusted-certificate: cannot read " + file + " (" + e.getMessage() + ").");
        }
    }

    /** The connector as the CLI shows it: its settings, never its password nor the certificate itself. */
    static Item item(DirectorySyncConnector c) {
        return Item.of()
                .put("preset", c.preset())
                .put("url", c.url())
                .put("startTls", c.startTls())
                .put("trustedCertificate", c.trustedCertificate() == null ? "none" : "set")
                .put("bindDn", c.bindDn())
                .put("passwordSet", c.passwordSet())
                .put("baseDns", c.baseDns())
                .put("excludedDns", c.excludedDns())
                .put("userFilter", c.userFilter())
                .put("groupFilter", c.groupFilter())
                .put(
                        "mapping",
                        c.mapping() == null
                                ? null
                                : c.mapping().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList())
                .put("schedule", c.enabled())
                .put("softMatch", c.softMatch())
                .put("staging", Boolean.TRUE.equals(c.staging()))
                .put(
                        "deletionCheck",
                        c.deletionCheckMinutes() == null
                                ? "in full runs only"
                                : c.deletionCheckMinutes() == 0
                                        ? "every run"
                                        : "every " + c.deletionCheckMinutes() + " minutes")
                .put("lastModifiedDateTime", c.lastModifiedDateTime())
                .put(
                        "requestedRun",
                        c.requestedRun() == null
                                ? null
                                : c.requestedRun().requestedDateTime() + " by "
                                        + c.requestedRun().requestedBy());
    }
}
