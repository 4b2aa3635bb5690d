package org.allot.cli.command;

import java.io.Console;
import java.util.List;
import java.util.Locale;
import org.allot.cli.context.Context;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;

/**
 * A change that takes licenses away from users goes ahead only when confirmed: by {@code --confirm}, or by answering
 * yes on a terminal. A script without {@code --confirm} is refused (exit 2, {@code ConfirmationRequired}) before
 * anything changes, and told about {@code --what-if}.
 */
final class LossConfirmation {
    private LossConfirmation() {}

    /**
     * Asks about the losses ("2 member(s) would lose EMS"), unless there are none or {@code confirmed}.
     *
     * @param of what loses them, in the question ("Sales-E3", "Sales-E3's new rule")
     */
    @SuppressWarnings("SystemConsoleNull") // on Java 17, the CLI's runtime, the console is null without a terminal
    static void ask(Context context, List<String> losses, String of, boolean confirmed) {
        if (losses.isEmpty() || confirmed) {
            return;
        }
        String what = String.join(", ", losses);
        Console console = System.console();
        if (context.environment().interactive() && console != null) {
            String answer = console.readLine("%s of %s. Go ahead? [y/N] ", what, of);
            if (answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                return;
            }
            throw new Failure(Exit.REFUSED, "NotConfirmed", "Nothing changed: " + what + ".");
        }
        throw new Failure(
                Exit.USAGE,
                "ConfirmationRequired",
                what + " of " + of + ": nothing changed. Add --confirm to go ahead, or --what-if to see the change.");
    }
}
