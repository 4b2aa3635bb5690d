package org.allot.core.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.audit.PropertyChange;

/** A unit's values as a request sets them: checked, applied, and the changes audited. */
final class UnitValues {
    private UnitValues() {}

    /** The unit with the change applied, or why the change is refused. */
    static Outcome<AdministrativeUnit> apply(AdministrativeUnit unit, UnitChange change) {
        String name = change.displayName().orElse(unit.displayName()).strip();
        if (name.isEmpty() || name.length() > AdministrativeUnit.MAX_DISPLAY_NAME) {
            return Outcome.refused(Rejection.invalid(
                    "Invalid value specified for property 'displayName' of resource 'AdministrativeUnit': it is 1 to"
                            + " %d characters.",
                    AdministrativeUnit.MAX_DISPLAY_NAME));
        }
        String description = change.description().map(d -> d.orElse(null)).orElse(unit.description());
        if (description != null && description.length() > AdministrativeUnit.MAX_DESCRIPTION) {
            return Outcome.refused(Rejection.invalid(
                    "Invalid value specified for property 'description' of resource 'AdministrativeUnit': at most %d"
                            + " characters.",
                    AdministrativeUnit.MAX_DESCRIPTION));
        }
        boolean dynamic = change.membershipType()
                .map(t -> t.map(v -> v.toLowerCase(Locale.ROOT)))
                .map(t -> t.filter("dynamic"::equals).isPresent())
                .orElse(unit.isDynamic());
        Optional<String> badType = change.membershipType()
                .flatMap(t -> t)
                .filter(t -> !t.equalsIgnoreCase("dynamic") && !t.equalsIgnoreCase("assigned"));
        if (badType.isPresent()) {
            return Outcome.refused(Rejection.invalid(
                    "Invalid value specified for property 'membershipType': '%s' (Dynamic, or Assigned/absent for a"
                            + " unit whose members are added one by one).",
                    badType.get()));
        }
        String rule = change.membershipRule().map(r -> r.orElse(null)).orElse(unit.membershipRule());
        if (!dynamic) {
            if (change.membershipRule().flatMap(r -> r).isPresent()) {
                return Outcome.refused(
                        Rejection.invalid("A membership rule needs membershipType Dynamic: set both, or neither."));
            }
            rule = null;
        } else {
            if (rule == null || rule.isBlank()) {
                return Outcome.refused(
                        Rejection.invalid("A dynamic administrative unit needs a membershipRule (for example"
                                + " user.department -eq \\\"Sales\\\")."));
            }
            Optional<Rejection> bad = UnitRules.check(rule);
            if (bad.isPresent()) {
                return Outcome.refused(bad.get());
            }
        }
        boolean paused = unit.rulePaused();
        if (change.processingState().isPresent()) {
            String state = change.processingState().get();
            if (!state.equalsIgnoreCase("On") && !state.equalsIgnoreCase("Paused")) {
                return Outcome.refused(Rejection.invalid(
                        "Invalid value specified for property 'membershipRuleProcessingState': '%s' (On or Paused).",
                        state));
            }
            paused = state.equalsIgnoreCase("Paused");
        }
        return Outcome.done(
                new AdministrativeUnit(unit.id(), name, description, rule, rule != null && paused, unit.createdAt()));
    }

    static List<PropertyChange> changes(AdministrativeUnit before, AdministrativeUnit after) {
        List<PropertyChange> changes = new ArrayList<>();
        add(changes, "displayName", before == null ? null : before.displayName(), after.displayName());
        add(changes, "description", before == null ? null : before.description(), after.description());
        add(changes, "membershipRule", before == null ? null : before.membershipRule(), after.membershipRule());
        add(
                changes,
                "membershipRuleProcessingState",
                before == null ? null : before.processingState(),
                after.processingState());
        return changes;
    }

    private static void add(List<PropertyChange> changes, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(PropertyChange.of(name, before, after));
        }
    }
}
