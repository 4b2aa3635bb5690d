package org.allot.core.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;

/** The changes licensing makes to what users should have. */
final class Changes {
    /** Nothing changes: the assignments are evaluated again. */
    static final Change NONE = (subject, current, now) -> current;

    /** Every assignment goes: the user is being removed for good. */
    static final Change REMOVE_ALL = (subject, current, now) -> List.of();

    private Changes() {}

    /** Adds or replaces direct assignments of {@code add} and removes the direct assignments of {@code remove}. */
    static Change direct(Collection<AssignedLicense> add, Set<SkuId> remove) {
        return (subject, current, now) -> {
            List<LicenseAssignment> result = new ArrayList<>();
            for (LicenseAssignment a : current) {
                boolean replaced = a.source().isDirect()
                        && (remove.contains(a.sku())
                                || add.stream().anyMatch(l -> l.skuId().equals(a.sku())));
                if (!replaced) {
                    result.add(a);
                }
            }
            for (AssignedLicense license : add) {
                LicenseAssignment existing = current.stream()
                        .filter(a -> a.source().isDirect() && a.sku().equals(license.skuId()))
                        .findFirst()
                        .orElse(null);
                result.add(
                        existing != null
                                ? existing.withDisabledPlans(license.disabledPlans())
                                : LicenseAssignment.requested(
                                        subject.id(),
                                        license.skuId(),
                                        AssignmentSource.DIRECT,
                                        license.disabledPlans(),
                                        now));
            }
            return result;
        };
    }

    /** The user has the group's licenses when a member of it, and none from it otherwise. */
    static Change fromGroup(GroupId group, List<GroupLicense> licenses, Set<UserId> members) {
        AssignmentSource source = AssignmentSource.group(group);
        return (subject, current, now) -> replaceSources(
                subject,
                current,
                source::equals,
                members.contains(subject.id()) ? Map.of(group, licenses) : Map.of(),
                now);
    }

    /** The user has exactly the licenses of the licensed groups they belong to, besides their direct ones. */
    static Change inherited(Function<UserId, Map<GroupId, List<GroupLicense>>> licensedGroupsOf) {
        return (subject, current, now) ->
                replaceSources(subject, current, s -> !s.isDirect(), licensedGroupsOf.apply(subject.id()), now);
    }

    private static List<LicenseAssignment> replaceSources(
            LicenseSubject subject,
            List<LicenseAssignment> current,
            Predicate<AssignmentSource> replaced,
            Map<GroupId, List<GroupLicense>> wanted,
            Instant now) {
        Map<LicenseAssignment.Key, AssignedLicense> want = new LinkedHashMap<>();
        wanted.forEach((group, licenses) -> licenses.forEach(l -> want.put(
                new LicenseAssignment.Key(subject.id(), l.license().skuId(), AssignmentSource.group(group)),
                l.license())));
        List<LicenseAssignment> result = new ArrayList<>();
        for (LicenseAssignment a : current) {
            if (!replaced.test(a.source())) {
                result.add(a);
                continue;
            }
            AssignedLicense license = want.remove(a.key());
            if (license != null) {
                result.add(
                        license.disabledPlans().equals(a.disabledPlans())
                                ? a
                                : a.withDisabledPlans(license.disabledPlans()));
            }
        }
        want.forEach((key, license) -> result.add(
                LicenseAssignment.requested(key.user(), key.sku(), key.source(), license.disabledPlans(), now)));
        return result;
    }
}
