package org.allot.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.allot.api.extensions.AppCertificate;
import org.allot.api.extensions.AppRegistration;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The certificates an app proves itself with instead of its secret: list, add (a PEM file), remove. */
@Command(
        name = "certificate",
        aliases = "certificates",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, adds and removes the certificates an app may sign its client assertions with (MSAL's and Azure"
                    + " Identity's certificate credentials), for Global Administrators.",
            "Only the certificate is sent, never its private key; removing a certificate ends the tokens issued with"
                    + " it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot app certificate list Reporting",
            "  allot app certificate add Reporting reporting.pem",
            "  allot app certificate remove Reporting 6F1C…(thumbprint or key id)"
        })
final class AppCertificateCommands {
    private final Context context;

    AppCertificateCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists an app's certificates with their thumbprints and when they expire.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot app certificate list Reporting -o json"})
    void list(@Parameters(paramLabel = "APP", description = "the app's id or display name") String app) {
        Table table = Table.of("keyId", "thumbprint", "subject", "endDateTime");
        for (AppCertificate c : certificates(AppCommands.find(context, app))) {
            table.add(c.keyId(), c.thumbprint(), c.displayName(), c.endDateTime());
        }
        context.printer().print(table);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Registers a certificate (a PEM or base64 file holding the certificate) on an app.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot app certificate add Reporting reporting.pem"})
    void add(
            @Parameters(index = "0", paramLabel = "APP", description = "the app's id or display name") String app,
            @Parameters(index = "1", paramLabel = "FILE", description = "the certificate: PEM, or base64 DER")
                    String file) {
        String text = read(file);
        if (text.contains("PRIVATE KEY")) {
            throw Failure.usage(file + " holds a private key: send the certificate only (the key stays with the app).");
        }
        AppCertificate added = context.api()
                .post(
                        Query.path(
                                "/allot/v1/appRegistrations",
                                AppCommands.find(context, app).appId(),
                                "certificates"),
                        new AppCertificate(null, null, null, null, null, null, null, text),
                        AppCertificate.class);
        context.printer()
                .print(Item.of()
                        .put("keyId", added.keyId())
                        .put("thumbprint", added.thumbprint())
                        .put("thumbprintSha256", added.thumbprintSha256())
                        .put("subject", added.displayName())
                        .put("startDateTime", added.startDateTime())
                        .put("endDateTime", added.endDateTime()));
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes a certificate (by key id or thumbprint): tokens issued with it stop working.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot app certificate remove Reporting 6F1C0A…"})
    void remove(
            @Parameters(index = "0", paramLabel = "APP", description = "the app's id or display name") String app,
            @Parameters(index = "1", paramLabel = "CERTIFICATE", description = "its key id or thumbprint")
                    String certificate) {
        AppRegistration found = AppCommands.find(context, app);
        String wanted = certificate.strip();
        AppCertificate match = certificates(found).stream()
                .filter(c -> c.keyId().equalsIgnoreCase(wanted)
                        || c.thumbprint().equalsIgnoreCase(wanted)
                        || c.thumbprintSha256().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> Failure.notFound("No certificate '" + certificate + "' on " + found.displayName()
                        + " (allot app certificate list)."));
        context.api().delete(Query.path("/allot/v1/appRegistrations", found.appId(), "certificates", match.keyId()));
        context.note("Removed the certificate " + match.thumbprint() + " from " + found.displayName() + ".");
    }

    private java.util.List<AppCertificate> certificates(AppRegistration app) {
        return context.api()
                .list(Query.path("/allot/v1/appRegistrations", app.appId(), "certificates"), AppCertificate.class);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw Failure.usage("cannot read " + file + " (" + e.getMessage() + ").");
        }
    }
}
