package org.allot.server.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.Licensing;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.Member;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo tenant, Contoso: about 200 people in eight departments, some synced from on-premises Active Directory
 * without a usage location, two B2B guests, security groups (one nested, one dynamic whose rule follows the Legal
 * department), and subscriptions for ENTERPRISEPACK (25),
 * EMS (25), SPE_E5 (10) and POWER_BI_PRO (5) — fewer seats than some groups want, so waiting lists show.
 */
public final class DemoTenant {
    public static final TenantId CONTOSO =
            new TenantId(UUID.nameUUIDFromBytes("allot-demo:contoso".getBytes(StandardCharsets.UTF_8)));
    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);
    private final TenantDirectory tenantDirectory;
    private final DemoPeople people;
    private final GroupDirectory groups;
    private final SubscriptionBook subscriptions;
    private final ProductCatalog catalog;
    private final Licensing licensing;
    private final Transactions work;

    public DemoTenant(
            TenantDirectory tenantDirectory,
            UserDirectory users,
            GroupDirectory groups,
            SubscriptionBook subscriptions,
            ProductCatalog catalog,
            Licensing licensing,
            Transactions work) {
        this.tenantDirectory = tenantDirectory;
        this.people = new DemoPeople(users);
        this.groups = groups;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.licensing = licensing;
        this.work = work;
    }

    /**
     * Creates Contoso unless it exists; returns whether it was created. The tenant and everything in it are created in
     * one unit of work, so that a start that fails leaves no half tenant behind: the one client of core that runs
     * several use cases in a unit of work of its own ({@code ServerArchitectureTest.jobsAndTheDemoDataAreGivenUseCasesNotPorts}).
     */
    public boolean ensure(String defaultUsageLocation, long seed) {
        if (tenantDirectory.find(CONTOSO).isPresent()) {
            return false;
        }
        work.run(() -> {
            create(defaultUsageLocation, new Random(seed));
            return null;
        });
        log.info("Created the demo tenant Contoso ({})", CONTOSO);
        return true;
    }

    private void create(String defaultUsageLocation, Random random) {
        tenantDirectory
                .create(
                        CONTOSO,
                        "Contoso",
                        List.of("contoso.com", "contoso.onmicrosoft.com"),
                        defaultUsageLocation,
                        new TenantPolicy(GuestLicensing.BLOCK, true, 30, 500))
                .value();
        Caller admin = Caller.of(CONTOSO, Actor.user("demo", "Demo setup"));
        Catalog products = catalog.forTenant(CONTOSO);
        Product e3 = product(products, "ENTERPRISEPACK");
        Product ems = product(products, "EMS");
        Product e5 = product(products, "SPE_E5");
        Product powerBi = product(products, "POWER_BI_PRO");
        subscriptions
                .add(admin, e3.skuId(), 25, SubscriptionStatus.Enabled, false, null)
                .value();
        subscriptions
                .add(admin, ems.skuId(), 25, SubscriptionStatus.Enabled, false, null)
                .value();
        subscriptions
                .add(admin, e5.skuId(), 10, SubscriptionStatus.Enabled, false, null)
                .value();
        subscriptions
                .add(admin, powerBi.skuId(), 5, SubscriptionStatus.Enabled, true, null)
                .value();

        DemoPeople.Staff staff = people.hire(admin, random);
        Map<String, List<UserId>> byDepartment = staff.byDepartment();
        List<UserId> everyone = staff.everyone();
        UserId partner1 = people.guest(admin, "erin_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Erin Ito (Fabrikam)");
        UserId partner2 =
                people.guest(admin, "omar_northwind.com#EXT#@contoso.onmicrosoft.com", "Omar Aziz (Northwind)");

        GroupId allStaff = group(admin, "All Staff", "Everyone employed by Contoso");
        everyone.forEach(u -> join(admin, allStaff, Member.user(u)));

        List<UserId> sales = byDepartment.get("Sales");
        GroupId salesEmea = group(admin, "Sales EMEA", "Sales team, Europe, Middle East and Africa");
        GroupId salesAmericas = group(admin, "Sales Americas", "Sales team, the Americas");
        sales.subList(0, 11).forEach(u -> join(admin, salesEmea, Member.user(u)));
        sales.subList(11, 22).forEach(u -> join(admin, salesAmericas, Member.user(u)));
        GroupId salesLicensing = group(admin, "Sales-E3", "Office 365 E3 and EMS for sales (nested teams)");
        join(admin, salesLicensing, Member.group(salesEmea));
        join(admin, salesLicensing, Member.group(salesAmericas));
        licensing
                .groups()
                .assign(
                        admin,
                        salesLicensing,
                        List.of(AssignedLicense.of(e3.skuId()), AssignedLicense.of(ems.skuId())),
                        List.of())
                .value();

        GroupId engineering = group(admin, "Engineering-E5", "Microsoft 365 E5 for engineering leads");
        byDepartment.get("Engineering").subList(0, 12).forEach(u -> join(admin, engineering, Member.user(u)));
        licensing
                .groups()
                .assign(admin, engineering, List.of(AssignedLicense.of(e5.skuId())), List.of())
                .value();

        GroupId analysts = group(admin, "Power BI Users", "Finance analysts");
        byDepartment.get("Finance").subList(0, 6).forEach(u -> join(admin, analysts, Member.user(u)));
        licensing
                .groups()
                .assign(admin, analysts, List.of(AssignedLicense.of(powerBi.skuId())), List.of())
                .value();

        GroupId legal = groups.create(
                        admin,
                        Map.of(
                                GroupAttribute.DISPLAY_NAME,
                                "Legal (dynamic)",
                                GroupAttribute.DESCRIPTION,
                                "Everyone HR lists in Legal, with an enabled account",
                                GroupAttribute.MEMBERSHIP_RULE,
                                "(user.department -eq \"Legal\") -and (user.accountEnabled -eq true)"),
                        Set.of(Group.DYNAMIC_MEMBERSHIP))
                .value()
                .id();
        licensing
                .groups()
                .assign(admin, legal, List.of(AssignedLicense.of(ems.skuId())), List.of())
                .value();

        GroupId project = group(admin, "Project Partners", "Contoso and partner staff on the Northwind project");
        join(admin, project, Member.user(partner1));
        join(admin, project, Member.user(partner2));
        byDepartment.get("Marketing").subList(0, 3).forEach(u -> join(admin, project, Member.user(u)));
        licensing
                .groups()
                .assign(admin, project, List.of(AssignedLicense.of(ems.skuId())), List.of())
                .value();

        for (UserId executive : byDepartment.get("Executive").subList(0, 3)) {
            licensing
                    .users()
                    .assign(admin, executive, List.of(AssignedLicense.of(e3.skuId())), List.of(), false)
                    .value();
        }
    }

    private GroupId group(Caller admin, String name, String description) {
        return groups.create(
                        admin,
                        Map.of(GroupAttribute.DISPLAY_NAME, name, GroupAttribute.DESCRIPTION, description),
                        Set.of())
                .value()
                .id();
    }

    private void join(Caller admin, GroupId group, Member member) {
        Outcome<?> joined = groups.addMember(admin, group, member);
        joined.value();
    }

    private static Product product(Catalog catalog, String partNumber) {
        return catalog.findByPartNumber(partNumber)
                .orElseThrow(() -> new IllegalStateException("the catalogue has no " + partNumber));
    }
}
