package org.allot.cli.command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.allot.cli.api.Api;
import org.allot.cli.api.ConfigFile;
import org.allot.cli.api.Credentials;
import org.allot.cli.api.SavedToken;
import org.allot.cli.api.ServerTrust;
import org.allot.cli.context.Context;
import org.allot.cli.process.Environment;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks the credentials against the server and keeps them in the config file. */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Signs in to an Allot server and keeps the server and credentials in the config file.",
            "The config file is ~/.config/allot/config.json (or $ALLOT_CONFIG), readable by you only. What is not"
                    + " given comes from ALLOT_URL, ALLOT_CLIENT_ID and ALLOT_CLIENT_SECRET, or the file; the"
                    + " secret is asked for on a terminal. The credentials are checked before they are kept.",
            "An https server's certificate must be trusted: by this computer's authorities, by those of a PEM file"
                    + " (--ca-file, ALLOT_CA_FILE), or pinned by the SHA-256 fingerprint the server prints at start"
                    + " (--fingerprint, ALLOT_FINGERPRINT). The trust is kept with the server's URL."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot login --url https://localhost:8443 --client-id 3f2a… --fingerprint 79:E6:…:BE:82   (asks for the"
                    + " secret)",
            "  allot login --url https://allot.example.com --client-id 3f2a… --ca-file corp-ca.pem",
            "  ALLOT_CLIENT_SECRET=… allot login --url https://allot.example.com --client-id 3f2a…",
            "  echo \"$SECRET\" | allot login --url https://allot.example.com --client-id 3f2a… --client-secret-stdin"
        })
public final class Login implements Callable<Integer> {
    private final Context context;

    @Option(names = "--url", paramLabel = "URL", description = "The server, e.g. https://localhost:8443.")
    String url;

    @Option(names = "--client-id", paramLabel = "ID", description = "The app's client id (appId).")
    String clientId;

    @Option(
            names = "--client-secret",
            paramLabel = "SECRET",
            description = "The app's client secret (better: ALLOT_CLIENT_SECRET, or typed when asked).")
    String clientSecret;

    @Option(
            names = "--client-secret-stdin",
            description = "Read the client secret from the first line of standard input (echo \"$SECRET\" | allot"
                    + " login …): for scripts, keeping it out of arguments.")
    boolean secretStdin;

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "Trust the server's certificate when these authorities (PEM) issued it, as curl --cacert.")
    String caFile;

    @Option(
            names = "--fingerprint",
            paramLabel = "SHA256",
            description = "Trust exactly the server certificate with this SHA-256 fingerprint (the server prints it at"
                    + " start).")
    String fingerprint;

    Login(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment environment = context.environment();
        ConfigFile file = new ConfigFile(environment.configFile());
        Optional<Credentials> saved = file.read();
        String server = given(url, environment.variable(Environment.URL), saved.map(Credentials::url), "--url");
        String id = given(
                clientId, environment.variable(Environment.CLIENT_ID), saved.map(Credentials::clientId), "--client-id");
        if (secretStdin && clientSecret != null) {
            throw Failure.usage("Give the secret with --client-secret or --client-secret-stdin, not both.");
        }
        String secret = clientSecret != null
                ? clientSecret
                : secretStdin
                        ? secretFromStdin()
                        : environment
                                .variable(Environment.CLIENT_SECRET)
                                .or(() -> saved.filter(c -> c.clientId().equals(id))
                                        .map(Credentials::clientSecret))
                                .orElseGet(this::askSecret);
        String checked = Credentials.checkedUrl(server);
        ServerTrust trust = caFile != null || fingerprint != null
                ? ServerTrust.of(caFile, fingerprint)
                : ConfigFile.trust(environment, saved, checked);
        Credentials credentials = new Credentials(checked, id, secret, trust);
        Api api = new Api(credentials, new SavedToken(file.path()));
        Identity identity = Identity.of(api);
        file.write(credentials);
        context.note("Logged in to " + identity.tenant() + " at " + identity.url() + " as " + identity.app()
                + "; saved in " + file.path() + ".");
        WhoAmI.print(
                context,
                api,
                identity,
                identity.item().put("config", file.path().toString()));
        return 0;
    }

    private static String given(String option, Optional<String> variable, Optional<String> saved, String name) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        return variable.or(() -> saved).orElseThrow(() -> Failure.usage("Give " + name + "."));
    }

    private String secretFromStdin() {
        try {
            String line = new BufferedReader(
                            new InputStreamReader(context.environment().stdin(), StandardCharsets.UTF_8))
                    .readLine();
            if (line == null || line.strip().isEmpty()) {
                throw Failure.usage("--client-secret-stdin: standard input has no secret on its first line.");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("SystemConsoleNull") // on Java 17, the CLI's runtime, the console is null without a terminal
    private String askSecret() {
        Console console = System.console();
        if (!context.environment().interactive() || console == null) {
            throw Failure.usage("No client secret: not on a terminal, so it cannot be asked for. Pipe it in with"
                    + " --client-secret-stdin (echo \"$SECRET\" | allot login --client-secret-stdin …), or set"
                    + " ALLOT_CLIENT_SECRET.");
        }
        char[] typed = console.readPassword("Client secret: ");
        if (typed == null || typed.length == 0) {
            throw Failure.usage("No client secret given.");
        }
        return new String(typed);
    }
}
