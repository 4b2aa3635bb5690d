package org.allot.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.audit.PropertyChange;

/**
 * How the values a directory sends for a user become Allot's user: a new one built, an existing one changed (or taken
 * over by a match), each checked as the API would check it; and the on-premises properties a change names in its
 * audit record. Pure functions of their arguments, for {@link SyncedUsers}.
 */
final class SyncedUserValues {
    private SyncedUserValues() {}

    /** Whether sync put the user on the tenant's initial domain, its own domain not being verified. */
    static boolean onInitialDomain(Tenant tenant, User user) {
        return tenant.initialDomain() != null
                && user.domain().equals(tenant.initialDomain())
                && !user.userPrincipalName().equalsIgnoreCase(String.valueOf(user.onPremisesUserPrincipalName()));
    }

    static void onPremisesChanges(User before, User after, List<PropertyChange> changed) {
        if (before.onPremisesSyncEnabled() != after.onPremisesSyncEnabled()) {
            changed.add(PropertyChange.of(
                    "onPremisesSyncEnabled", before.onPremisesSyncEnabled(), after.onPremisesSyncEnabled()));
        }
        if (!Objects.equals(before.onPremisesImmutableId(), after.onPremisesImmutableId())) {
            changed.add(PropertyChange.of(
                    "onPremisesImmutableId", before.onPremisesImmutableId(), after.onPremisesImmutableId()));
        }
        if (!Objects.equals(before.onPremisesSamAccountName(), after.onPremisesSamAccountName())) {
            changed.add(PropertyChange.of(
                    "onPremisesSamAccountName", before.onPremisesSamAccountName(), after.onPremisesSamAccountName()));
        }
        if (!Objects.equals(before.onPremisesUserPrincipalName(), after.onPremisesUserPrincipalName())) {
            changed.add(PropertyChange.of(
                    "onPremisesUserPrincipalName",
                    before.onPremisesUserPrincipalName(),
                    after.onPremisesUserPrincipalName()));
        }
        OnPremisesAttributes was = before.onPremises();
        OnPremisesAttributes is = after.onPremises();
        if (!Objects.equals(was.distinguishedName(), is.distinguishedName())) {
            changed.add(
                    PropertyChange.of("onPremisesDistinguishedName", was.distinguishedName(), is.distinguishedName()));
        }
        if (!Objects.equals(was.domainName(), is.domainName())) {
            changed.add(PropertyChange.of("onPremisesDomainName", was.domainName(), is.domainName()));
        }
        if (!Objects.equals(was.securityIdentifier(), is.securityIdentifier())) {
            changed.add(PropertyChange.of(
                    "onPremisesSecurityIdentifier", was.securityIdentifier(), is.securityIdentifier()));
        }
    }

    static Outcome<User> build(Tenant tenant, SyncedUser synced, Instant now) {
        Optional<Rejection> problem = check(synced);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Outcome<User> built = UserValues.build(synced.values(), UserId.random(), now);
        if (!built.isDone()) {
            return built;
        }
        Optional<Rejection> domain =
                UserValues.checkDomain(tenant, built.value().userPrincipalName());
        if (domain.isPresent()) {
            return Outcome.refused(domain.get());
        }
        return Outcome.done(built.value().toBuilder()
                .onPremises(synced.immutableId(), synced.samAccountName())
                .onPremisesUserPrincipalName(synced.onPremisesUserPrincipalName())
                .onPremisesAttributes(synced.onPremises().syncedAt(now))
                .build());
    }

    static Outcome<User> change(Tenant tenant, User before, UserId id, SyncedUser synced, boolean match) {
        if (before == null) {
            return Outcome.refused(Rejection.notFound(id));
        }
        boolean matches = match
                ? !before.onPremisesSyncEnabled()
                        && !before.isDeleted()
                        && (before.onPremisesImmutableId() == null
                                || synced.immutableId().equals(before.onPremisesImmutableId()))
                : before.onPremisesSyncEnabled() && synced.immutableId().equals(before.onPremisesImmutableId());
        if (!matches) {
            return Outcome.refused(Rejection.of(
                    ErrorCode.CONFLICT,
                    "User %s is not the synced user with onPremisesImmutableId %s.",
                    before.userPrincipalName(),
                    synced.immutableId()));
        }
        Optional<Rejection> problem = check(synced);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Outcome<Map<UserAttribute, Object>> converted = UserValues.convertAll(synced.values());
        if (!converted.isDone()) {
            return Outcome.refused(converted.rejection());
        }
        User.Builder builder = before.toBuilder();
        converted.value().forEach(builder::set);
        User after = builder.onPremises(synced.immutableId(), synced.samAccountName())
                .onPremisesUserPrincipalName(synced.onPremisesUserPrincipalName())
                .onPremisesAttributes(
                        synced.onPremises().syncedAt(before.onPremises().lastSyncDateTime()))
                .build();
        if (!after.userPrincipalName().equalsIgnoreCase(before.userPrincipalName())) {
            Optional<Rejection> domain = UserValues.checkDomain(tenant, after.userPrincipalName());
            if (domain.isPresent()) {
                return Outcome.refused(domain.get());
            }
        }
        return Outcome.done(after);
    }

    private static Optional<Rejection> check(SyncedUser synced) {
        String id = synced.immutableId();
        if (id == null || id.isBlank() || id.length() > 256) {
            return Optional.of(
                    Rejection.invalid("A synced user needs an onPremisesImmutableId of 1 to 256 characters."));
        }
        String account = synced.samAccountName();
        if (account != null && (account.length() > 256 || belowSpace(account))) {
            return Optional.of(AttributeValues.invalidValue("onPremisesSamAccountName", UserDirectory.RESOURCE));
        }
        if (synced.values().containsKey(UserAttribute.USAGE_LOCATION)
                && synced.values().get(UserAttribute.USAGE_LOCATION) == null) {
            return Optional.of(Rejection.of(
                    ErrorCode.READ_ONLY_ATTRIBUTE,
                    "usageLocation is never cleared by directory sync: it is set from the directory only to a value."));
        }
        return Optional.empty();
    }

    private static boolean belowSpace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }
}
