package org.allot.cli.command;

import org.allot.api.extensions.SigningKey;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;

/** The keys that sign access tokens: list them, make a new one sign. */
@Command(
        name = "signing-key",
        aliases = "signing-keys",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the server's token-signing keys and makes a new one sign (Global Administrators).",
            "Tokens signed by the keys a new key replaces stay good until they expire."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  allot signing-key list", "  allot signing-key rotate"})
public final class SigningKeyCommands {
    private final Context context;

    SigningKeyCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the keys: the current one signs, the ones it replaced still verify their tokens.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot signing-key list"})
    void list() {
        Table table = Table.of("kid", "current", "createdDateTime", "retiredDateTime");
        for (SigningKey key : context.api().list("/allot/v1/signingKeys", SigningKey.class)) {
            table.add(key.kid(), key.current(), key.createdDateTime(), key.retiredDateTime());
        }
        context.printer().print(table);
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = {
                "Makes a new key sign tokens, on every server within seconds.",
                "Tokens signed before stay good until they expire (allot.api.token-lifetime)."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot signing-key rotate"})
    void rotate() {
        SigningKey key = context.api().post("/allot/v1/signingKeys", null, SigningKey.class);
        context.printer()
                .print(Table.of("kid", "current", "createdDateTime")
                        .add(key.kid(), key.current(), key.createdDateTime()));
    }
}
