package org.allot.cli.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allot.api.extensions.MembershipRulePreview;
import org.allot.api.extensions.MembershipRuleRequest;
import org.allot.api.graph.GroupResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.OutputFormat;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** The membership rule of a dynamic group: show, preview, change, pause, resume, apply again. */
@Command(
        name = "rule",
        mixinStandardHelpOptions = true,
        description = {
            "Shows, previews and changes the membership rule of a dynamic group (Entra's rule syntax).",
            "A preview changes nothing: it tells who the rule matches, who would join and leave, and what that does "
                    + "to the seats of the group's licenses."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot group rule preview --rule 'user.department -eq \"Sales\"'",
            "  allot group rule preview \"Sales people\" --rule 'user.department -in [\"Sales\",\"Marketing\"]'",
            "  allot group rule set \"Sales people\" --rule 'user.department -in [\"Sales\",\"Marketing\"]' --wait",
            "  allot group rule pause \"Sales people\""
        })
final class GroupRule {
    private static final String FIELDS =
            "id,displayName,groupTypes,membershipRule,membershipRuleProcessingState,licenseProcessingState";
    private final Context context;

    GroupRule(Context context) {
        this.context = context;
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a dynamic group's rule and whether it is On or Paused.",
            footerHeading = "%nExamples:%n",
            footer = "  allot group rule show \"Sales people\"")
    void show(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Mixin Waiting waiting) {
        print(context.directory().group(group, FIELDS), waiting);
    }

    @Command(
            name = "preview",
            mixinStandardHelpOptions = true,
            description = {
                "What a rule would do, changing nothing: for an existing group, who would join and leave and the seat "
                        + "impact on its licenses; without a group, who the rule matches."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group rule preview --rule 'user.jobTitle -startsWith \"Engineer\"'",
                "  allot group rule preview \"Sales people\" --rule 'user.department -eq \"Sales\"' --top 50 -o json"
            })
    void preview(
            @Parameters(arity = "0..1", paramLabel = "GROUP", description = "id or display name") String group,
            @Option(names = "--rule", required = true, paramLabel = "RULE", description = "The rule to preview.")
                    String rule,
            @Option(
                            names = "--top",
                            paramLabel = "N",
                            defaultValue = "10",
                            description = "Users listed per kind, 1-999 (default: ${DEFAULT-VALUE}); counts are exact.")
                    int top) {
        String path = group == null
                ? "/allot/v1/groups/membershipRulePreview"
                : Query.path(
                        "/allot/v1/groups",
                        context.directory().group(group, "id").id(),
                        "membershipRulePreview");
        print(previewOf(path, rule, top), group != null);
    }

    private MembershipRulePreview previewOf(String path, String rule, int top) {
        return context.api()
                .post(Query.of(path).with("$top", top), new MembershipRuleRequest(rule), MembershipRulePreview.class);
    }

    private void print(MembershipRulePreview preview, boolean ofGroup) {
        Item item = Item.of()
                .put("membershipRule", preview.membershipRule())
                .put("matching", preview.matchingCount())
                .put("firstMatching", names(preview.matching()));
        if (ofGroup) {
            item.put("joining", preview.joiningCount())
                    .put("firstJoining", names(preview.joining()))
                    .put("leaving", preview.leavingCount())
                    .put("firstLeaving", names(preview.leaving()));
        }
        if (context.printer().format() == OutputFormat.JSON) {
            // data for scripts: one object a license, numbers as numbers
            List<Map<String, Object>> licenses = new ArrayList<>();
            for (MembershipRulePreview.License l : preview.licenses()) {
                Map<String, Object> license = new LinkedHashMap<>();
                license.put("skuId", l.skuId() == null ? null : l.skuId().toString());
                license.put("skuPartNumber", l.skuPartNumber());
                license.put("seatsTaken", l.seatsTaken());
                license.put("availableNow", l.availableNow());
                license.put("alreadyWaiting", l.alreadyWaiting());
                license.put("seatsFreed", l.seatsFreed());
                license.put("wouldWait", l.wouldWait());
                license.put("wouldLose", l.wouldLose());
                licenses.add(license);
            }
            item.put("licenses", licenses);
        } else {
            for (MembershipRulePreview.License l : preview.licenses()) {
                item.put(
                        "seats " + name(l),
                        String.format(
                                Locale.ROOT,
                                "take %d, available %d, already waiting %d, freed %d, would wait %d, would lose %d",
                                l.seatsTaken(),
                                l.availableNow(),
                                l.alreadyWaiting(),
                                l.seatsFreed(),
                                l.wouldWait(),
                                l.wouldLose()));
            }
        }
        context.printer().print(item);
    }

    private static String name(MembershipRulePreview.License l) {
        return l.skuPartNumber() == null ? l.skuId().toString() : l.skuPartNumber();
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = {
                "Changes a dynamic group's rule. Only the difference changes: members who still match are not touched "
                        + "and keep their licenses. Preview first with --what-if (or 'allot group rule preview').",
                "When members who leave would lose a license, asks first on a terminal; a script must give --confirm."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot group rule set \"Sales people\" --rule 'user.department -eq \"Sales\"' --what-if",
                "  allot group rule set \"Sales people\" --rule 'user.department -in [\"Sales\",\"Marketing\"]' --wait"
            })
    void set(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Option(names = "--rule", required = true, paramLabel = "RULE", description = "The new rule.") String rule,
            @Option(
                            names = "--what-if",
                            description = "Only show what the new rule would do (as 'rule preview'); change nothing.")
                    boolean whatIf,
            @Option(
                            names = "--confirm",
                            description = "Go ahead when members who leave would lose a license, without asking"
                                    + " (needed when not on a terminal).")
                    boolean confirm,
            @Mixin Waiting waiting) {
        GroupResource g = context.directory().group(group, "id,displayName");
        MembershipRulePreview preview =
                previewOf(Query.path("/allot/v1/groups", g.id(), "membershipRulePreview"), rule, 10);
        if (whatIf) {
            print(preview, true);
            return;
        }
        List<String> losses = new ArrayList<>();
        for (MembershipRulePreview.License l : preview.licenses()) {
            if (l.wouldLose() > 0) {
                losses.add(l.wouldLose() + " member(s) would lose " + name(l));
            }
        }
        LossConfirmation.ask(context, losses, g.displayName(), confirm);
        change(g.id(), Map.of("membershipRule", rule), waiting);
    }

    @Command(
            name = "pause",
            mixinStandardHelpOptions = true,
            description = "Pauses the rule: members stay as they are, whatever changes, until it is resumed.",
            footerHeading = "%nExamples:%n",
            footer = "  allot group rule pause \"Sales people\"")
    void pause(@Parameters(paramLabel = "GROUP", description = "id or display name") String group) {
        change(group, Map.of("membershipRuleProcessingState", "Paused"), new Waiting());
    }

    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = "Resumes the rule; it is applied to every user again.",
            footerHeading = "%nExamples:%n",
            footer = "  allot group rule resume \"Sales people\"")
    void resume(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Mixin Waiting waiting) {
        change(group, Map.of("membershipRuleProcessingState", "On"), waiting);
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Applies the rule to every user again (refused while the rule is paused).",
            footerHeading = "%nExamples:%n",
            footer = "  allot group rule apply \"Sales people\"")
    void apply(
            @Parameters(paramLabel = "GROUP", description = "id or display name") String group,
            @Mixin Waiting waiting) {
        GroupResource g = context.directory().group(group, "id");
        context.api().post(Query.path("/allot/v1/groups", g.id(), "recomputeMembership"), Map.of());
        print(context.directory().group(g.id(), FIELDS), waiting);
    }

    /** --wait and --timeout: wait until the rule has been applied to every user. */
    static final class Waiting {
        @Option(
                names = "--wait",
                description = "Wait until the rule has been applied to every user (large tenants apply it in the"
                        + " background).")
        boolean wait;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "30m",
                description = "How long --wait waits at most, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
        String timeout = "30m";
    }

    private void change(String group, Map<String, Object> values, Waiting waiting) {
        GroupResource g = context.directory().group(group, "id");
        context.api().patch(Query.path("/v1.0/groups", g.id()), new LinkedHashMap<>(values));
        print(context.directory().group(g.id(), FIELDS), waiting);
    }

    private void print(GroupResource g, Waiting waiting) {
        boolean dynamic = g.groupTypes() != null && g.groupTypes().contains("DynamicMembership");
        Item item = Item.of()
                .put("id", g.id())
                .put("displayName", g.displayName())
                .put("dynamic", dynamic)
                .put("membershipRule", g.membershipRule())
                .put("membershipRuleProcessingState", g.membershipRuleProcessingState());
        if (dynamic) {
            JsonNode processing = waiting.wait
                    ? await(g, GroupProcessing.duration(waiting.timeout))
                    : context.api().get(Query.path("/allot/v1/groups", g.id(), "membershipRuleProcessing"));
            item.put("ruleProcessing", processing.path("status").asString(null));
            if (processing.has("usersProcessed")) {
                item.put("usersEvaluated", processing.path("usersProcessed").asLong())
                        .put("joined", processing.path("joined").asLong())
                        .put("left", processing.path("left").asLong());
            }
        }
        context.printer().print(item);
    }

    /** Polls how applying the rule stands until it is Complete; a Failed run or the timeout is an error. */
    private JsonNode await(GroupResource group, Duration timeout) {
        JsonNode processing = Polling.until(
                context,
                "Applying the rule of " + group.displayName(),
                null,
                timeout,
                null,
                () -> context.api().get(Query.path("/allot/v1/groups", group.id(), "membershipRuleProcessing")),
                p -> Set.of("Complete", "Failed").contains(status(p)),
                GroupRule::progress,
                p -> group.displayName() + "'s rule is still " + status(p) + " after " + timeout
                        + ": 'allot group rule show " + group.id() + " --wait' waits again.");
        if (status(processing).equals("Failed")) {
            throw Failure.failed("RuleFailed", "Applying the rule of " + group.displayName() + " failed.");
        }
        return processing;
    }

    /** What the progress indicator shows: the status and the counts so far (users evaluated, joined, left). */
    static String progress(JsonNode processing) {
        String status = status(processing);
        if (!processing.hasNonNull("usersProcessed")) {
            return status;
        }
        return String.format(
                Locale.ROOT,
                "%s: %,d users evaluated, %,d joined, %,d left",
                status,
                processing.path("usersProcessed").asLong(),
                processing.path("joined").asLong(),
                processing.path("left").asLong());
    }

    private static String status(JsonNode processing) {
        return processing.path("status").asString("");
    }

    /** userPrincipalNames (a list: an array in JSON, joined by commas in a table). */
    private static List<String> names(List<MembershipRulePreview.Person> people) {
        return people.stream()
                .map(p -> p.userPrincipalName() == null ? p.displayName() : p.userPrincipalName())
                .toList();
    }
}
