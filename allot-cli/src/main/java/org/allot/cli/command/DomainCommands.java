package org.allot.cli.command;

import java.util.List;
import java.util.Map;
import org.allot.api.graph.DomainResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The tenant's domains: list them, add one (verified at once), remove one no user uses. */
@Command(
        name = "domains",
        aliases = "domain",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, adds and removes the tenant's domains (adding and removing: Global Administrators).",
            "A domain added is verified at once: adding it declares that the organisation owns it. Users may then"
                    + " have principal names on it, and synced users of that domain get their own names at the next"
                    + " sync."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  allot domains list", "  allot domains add corp.example.test", "  allot domains remove old.example"
        })
public final class DomainCommands {
    private final Context context;

    DomainCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "Lists the domains, the default one first; the initial one (NAME.allot.local) is Allot's own.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot domains list", "  allot domains list -o json"})
    void list() {
        context.printer().print(table(context.api().list("/v1.0/domains", DomainResource.class)));
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds a domain, verified at once.",
            footerHeading = "%nExamples:%n",
            footer = "  allot domains add corp.example.test")
    void add(@Parameters(paramLabel = "DOMAIN", description = "a domain name, e.g. corp.example.test") String name) {
        DomainResource domain = context.api().post("/v1.0/domains", Map.of("id", name), DomainResource.class);
        context.note("Added " + domain.id() + ", verified: users may now have principal names on it.");
        context.printer().print(table(List.of(domain)));
    }

    @Command(
            name = "remove",
            aliases = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Removes a domain.",
                "Refused while a user (deleted users included) has a principal name or mail on it, and for the"
                        + " initial and the default domain."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot domains remove old.example")
    void remove(@Parameters(paramLabel = "DOMAIN", description = "a domain of the tenant") String name) {
        context.api().delete(Query.path("/v1.0/domains", name));
        context.note("Removed " + name + ".");
    }

    private static Table table(List<DomainResource> domains) {
        Table table = Table.of("id", "isDefault", "isInitial", "isVerified", "authenticationType");
        domains.forEach(d -> table.add(d.id(), d.isDefault(), d.isInitial(), d.isVerified(), d.authenticationType()));
        return table;
    }
}
