package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.GroupLicensing.GroupLicenseState;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseCheckRun;
import org.allot.core.assignment.LicenseDifference;
import org.allot.core.assignment.LicenseSubject;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.assignment.UserLicenses;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitId;

/**
 * One tenant, Contoso, on an in-memory installation, with a vocabulary for licensing tests:
 * {@code aUser("ada").locatedIn("SE").create()}, {@code aGroup("Sales").withMembers(ada).licensedWith(E3).create()}.
 */
public final class Scenario {
    public final Installation allot;
    public final TenantId tenant = TenantId.random();
    public final Caller admin;

    private Scenario(Installation allot, String defaultLocation) {
        this.allot = allot;
        this.admin = Caller.of(tenant, Actor.user("admin", "admin@contoso.com"));
        allot.tenantDirectory()
                .create(tenant, "Contoso", List.of("contoso.com"), defaultLocation, TenantPolicy.DEFAULT)
                .value();
    }

    /** Group changes are applied within the request, whatever the group's size. */
    public static Scenario contoso() {
        return new Scenario(
                Installations.create(TestCatalog.catalog(), new LicensingSettings(10_000, 100, 10_000)), "US");
    }

    /** Group changes above three users run as background jobs of two users a chunk; waiting lists fill two at a time. */
    public static Scenario contosoWithBackgroundJobs() {
        return new Scenario(Installations.create(TestCatalog.catalog(), new LicensingSettings(3, 2, 2)), "US");
    }

    public static Scenario contosoWithoutDefaultLocation() {
        return new Scenario(
                Installations.create(TestCatalog.catalog(), new LicensingSettings(10_000, 100, 10_000)), null);
    }

    public Scenario withPolicy(TenantPolicy policy) {
        allot.tenantDirectory().setPolicy(admin, policy).value();
        return this;
    }

    // ---- directory

    public UserBuilder aUser(String name) {
        return new UserBuilder(name);
    }

    public UserId user(String name) {
        return aUser(name).create();
    }

    public List<UserId> users(String prefix, int count) {
        List<UserId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(user(prefix + i));
        }
        return ids;
    }

    public GroupBuilder aGroup(String name) {
        return new GroupBuilder(name);
    }

    /** A static administrative unit of the tenant, created by the admin. */
    public UnitId unit(String name) {
        return allot.unitDirectory()
                .create(admin, UnitChange.none().withDisplayName(name))
                .value()
                .id();
    }

    /** The users, added to the unit by the admin. */
    public List<UserId> inUnit(UnitId unit, List<UserId> users) {
        users.forEach(u -> allot.unitMembers().add(admin, unit, u.value()).value());
        return users;
    }

    public Outcome<Group> join(GroupId group, UserId user) {
        return allot.groupDirectory().addMember(admin, group, Member.user(user));
    }

    public Outcome<Group> leave(GroupId group, UserId user) {
        return allot.groupDirectory().removeMember(admin, group, Member.user(user));
    }

    public Outcome<Group> nest(GroupId parent, GroupId child) {
        return allot.groupDirectory().addMember(admin, parent, Member.group(child));
    }

    public Outcome<Group> unnest(GroupId parent, GroupId child) {
        return allot.groupDirectory().removeMember(admin, parent, Member.group(child));
    }

    /** Changes a dynamic group's rule. */
    public Outcome<Group> setRule(GroupId group, String rule) {
        return allot.groupDirectory().update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE, rule));
    }

    /** Pauses ({@code "Paused"}) or resumes ({@code "On"}) a dynamic group's rule. */
    public Outcome<Group> setRuleProcessing(GroupId group, String state) {
        return allot.groupDirectory()
                .update(admin, group, Map.of(GroupAttribute.MEMBERSHIP_RULE_PROCESSING_STATE, state));
    }

    /** The direct user members of a group, in id order. */
    public List<UserId> membersOf(GroupId group) {
        return allot.memberships().userMembers(tenant, group, false, null, 100_000);
    }

    public Outcome<User> update(UserId user, UserAttribute attribute, Object value) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(attribute, value);
        return allot.userDirectory().update(admin, user, values);
    }

    // ---- subscriptions

    public Subscription subscribe(Product product, int seats) {
        return allot.subscriptionBook()
                .add(admin, product.skuId(), seats, SubscriptionStatus.Enabled, false, null)
                .value();
    }

    public Subscription setSeats(Subscription subscription, int seats) {
        return allot.subscriptionBook()
                .setSeats(admin, subscription.id(), seats)
                .value();
    }

    public SeatCount seatsOf(Product product) {
        return allot.seats().all(tenant).getOrDefault(product.skuId(), SeatCount.EMPTY);
    }

    // ---- licensing

    public Outcome<UserLicenses> assign(UserId user, Product product, ServicePlan... disabled) {
        return assign(user, List.of(license(product, disabled)), List.of());
    }

    public Outcome<UserLicenses> assign(UserId user, List<AssignedLicense> add, List<SkuId> remove) {
        return allot.licensing().users().assign(admin, user, add, remove, false);
    }

    public Outcome<UserLicenses> remove(UserId user, Product product) {
        return assign(user, List.of(), List.of(product.skuId()));
    }

    public Outcome<GroupLicenseState> licenseGroup(GroupId group, Product product, ServicePlan... disabled) {
        return allot.licensing().groups().assign(admin, group, List.of(license(product, disabled)), List.of());
    }

    public Outcome<GroupLicenseState> unlicenseGroup(GroupId group, Product product) {
        return allot.licensing().groups().assign(admin, group, List.of(), List.of(product.skuId()));
    }

    public int runJobs() {
        return allot.runJobs();
    }

    /** The tenant's audit records of one activity, oldest first. */
    public List<org.allot.core.audit.AuditEvent> audit(org.allot.core.audit.Activity activity) {
        return auditEvents().stream().filter(e -> e.activity() == activity).toList();
    }

    public List<org.allot.core.audit.AuditEvent> auditEvents() {
        return allot.auditEvents(tenant);
    }

    public UserLicenses licensesOf(UserId user) {
        User u = allot.users().find(tenant, user).orElseThrow();
        return new UserLicenses(
                LicenseSubject.of(u),
                allot.assignments().of(tenant, List.of(user)).getOrDefault(user, List.of()));
    }

    public LicenseAssignment assignment(UserId user, Product product, AssignmentSource source) {
        return licensesOf(user)
                .find(product.skuId(), source)
                .orElseThrow(
                        () -> new AssertionError("no assignment of " + product.skuPartNumber() + " from " + source));
    }

    public LicenseAssignment inherited(UserId user, Product product, GroupId group) {
        return assignment(user, product, AssignmentSource.group(group));
    }

    public LicenseAssignment direct(UserId user, Product product) {
        return assignment(user, product, AssignmentSource.DIRECT);
    }

    public Set<SkuId> heldSkus(UserId user) {
        return licensesOf(user).assignedLicenses().stream()
                .map(AssignedLicense::skuId)
                .collect(Collectors.toSet());
    }

    public List<UserId> waitingFor(Product product) {
        return allot.assignments().waiting(tenant, product.skuId(), 1000);
    }

    /** The tenant's assignments pending removal. */
    public List<LicenseAssignment> allAssignmentsPending() {
        return allot.allAssignments(tenant).stream()
                .filter(LicenseAssignment::isPendingRemoval)
                .toList();
    }

    /** Seats held per SKU, counted from the assignments themselves (to check the figures). */
    public long usersHolding(Product product) {
        return allot.allAssignments(tenant).stream()
                .filter(a -> a.sku().equals(product.skuId()) && a.holdsSeat())
                .map(LicenseAssignment::user)
                .distinct()
                .count();
    }

    // ---- license check

    /** Runs the license check to its end, as the background worker would: a dry run, or a repair. */
    public LicenseCheckRun checkLicenses(boolean dryRun) {
        LicenseCheckRun run = allot.licenseCheck().request(admin, dryRun).value();
        runJobs();
        return allot.licenseCheck().run(tenant, run.id()).orElseThrow();
    }

    /** Every difference a run found, in the order it found them. */
    public List<LicenseDifference> differences(LicenseCheckRun run) {
        return allot.licenseCheck().differences(tenant, run.id(), 0, 10_000);
    }

    // ---- drift: changes made behind licensing's back, straight through the storage ports

    /** Deletes a stored assignment as if by hand in the database. */
    public void dropBehindTheBack(LicenseAssignment assignment) {
        allot.assignments().write(tenant, List.of(), List.of(), List.of(assignment.key()));
    }

    /** Stores an assignment nothing decided. */
    public void insertBehindTheBack(LicenseAssignment assignment) {
        allot.assignments().write(tenant, List.of(assignment), List.of(), List.of());
    }

    /** Stores an active assignment of the product from the group, requested now, as nothing in licensing would. */
    public void insertGroupAssignmentBehindTheBack(UserId user, Product product, GroupId group) {
        java.time.Instant at = allot.clock().instant();
        insertBehindTheBack(new LicenseAssignment(
                user,
                product.skuId(),
                AssignmentSource.group(group),
                java.util.Set.of(),
                AssignmentState.Active,
                null,
                null,
                at,
                at,
                null));
    }

    /** Overwrites a stored assignment. */
    public void overwriteBehindTheBack(LicenseAssignment assignment) {
        allot.assignments().write(tenant, List.of(), List.of(assignment), List.of());
    }

    /** Overwrites a product's seat figures. */
    public void setSeatsBehindTheBack(Product product, SeatCount count) {
        allot.seats().save(tenant, product.skuId(), count);
    }

    public static AssignedLicense license(Product product, ServicePlan... disabled) {
        return new AssignedLicense(
                product.skuId(), Arrays.stream(disabled).map(ServicePlan::id).collect(Collectors.toSet()));
    }

    /** Builds a user of Contoso; by default a member in the US. */
    public final class UserBuilder {
        private final Map<UserAttribute, Object> values = new LinkedHashMap<>();

        private UserBuilder(String name) {
            values.put(UserAttribute.USER_PRINCIPAL_NAME, name + "@contoso.com");
            values.put(UserAttribute.DISPLAY_NAME, name);
            values.put(UserAttribute.USAGE_LOCATION, "US");
        }

        public UserBuilder locatedIn(String country) {
            values.put(UserAttribute.USAGE_LOCATION, country);
            return this;
        }

        public UserBuilder withoutUsageLocation() {
            values.remove(UserAttribute.USAGE_LOCATION);
            return this;
        }

        public UserBuilder guest() {
            values.put(UserAttribute.USER_TYPE, "Guest");
            return this;
        }

        /** Any attribute, as text or Boolean. */
        public UserBuilder with(UserAttribute attribute, Object value) {
            values.put(attribute, value);
            return this;
        }

        public UserBuilder inDepartment(String department) {
            values.put(UserAttribute.DEPARTMENT, department);
            return this;
        }

        public UserId create() {
            return allot.userDirectory().create(admin, values).value().id();
        }
    }

    /** Builds a security group of Contoso with members and licenses. */
    public final class GroupBuilder {
        private final String name;
        private final List<Member> members = new ArrayList<>();
        private final List<AssignedLicense> licenses = new ArrayList<>();
        private String rule;

        private GroupBuilder(String name) {
            this.name = name;
        }

        /** Makes it a dynamic group whose members follow the rule. */
        public GroupBuilder withRule(String membershipRule) {
            this.rule = membershipRule;
            return this;
        }

        public GroupBuilder withMembers(UserId... users) {
            Arrays.stream(users).forEach(u -> members.add(Member.user(u)));
            return this;
        }

        public GroupBuilder withMembers(List<UserId> users) {
            users.forEach(u -> members.add(Member.user(u)));
            return this;
        }

        public GroupBuilder withNestedGroups(GroupId... groups) {
            Arrays.stream(groups).forEach(g -> members.add(Member.group(g)));
            return this;
        }

        public GroupBuilder licensedWith(Product product, ServicePlan... disabled) {
            licenses.add(license(product, disabled));
            return this;
        }

        public GroupId create() {
            Map<GroupAttribute, Object> values = new LinkedHashMap<>();
            values.put(GroupAttribute.DISPLAY_NAME, name);
            if (rule != null) {
                values.put(GroupAttribute.MEMBERSHIP_RULE, rule);
            }
            Set<String> types = rule == null ? Set.of() : Set.of(Group.DYNAMIC_MEMBERSHIP);
            GroupId id =
                    allot.groupDirectory().create(admin, values, types).value().id();
            members.forEach(m -> allot.groupDirectory().addMember(admin, id, m).value());
            if (!licenses.isEmpty()) {
                allot.licensing()
                        .groups()
                        .assign(admin, id, licenses, List.of())
                        .value();
            }
            return id;
        }
    }

    /**
     * The scenario's one tenant as a read-only {@code Tenants} port, for use cases assembled by hand in a test: found by
     * id, listed alone; nothing can be added or changed through it.
     */
    public org.allot.core.directory.Tenants readOnlyTenants() {
        return new org.allot.core.directory.Tenants() {
            @Override
            public java.util.Optional<org.allot.core.directory.Tenant> find(org.allot.core.TenantId id) {
                return allot.tenantDirectory().find(id);
            }

            @Override
            public java.util.List<org.allot.core.directory.Tenant> all() {
                return allot.tenantDirectory().find(tenant).stream().toList();
            }

            @Override
            public java.util.List<org.allot.core.directory.Tenant> withVerifiedDomain(String domain) {
                return java.util.List.of();
            }

            @Override
            public void add(org.allot.core.directory.Tenant t) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void update(org.allot.core.directory.Tenant t) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
