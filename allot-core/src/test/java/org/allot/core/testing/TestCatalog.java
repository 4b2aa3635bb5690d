package org.allot.core.testing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRule;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UsageLocation;

/** A small catalogue with real Microsoft 365 ids and the rules the tests rely on. */
public final class TestCatalog {
    public static final ServicePlan EXCHANGE_P2 =
            plan("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE", "Exchange Online (Plan 2)");
    public static final ServicePlan SHAREPOINT =
            plan("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE", "SharePoint (Plan 2)");
    public static final ServicePlan TEAMS = plan("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1", "Microsoft Teams");
    public static final ServicePlan SWAY = plan("a23b959c-7ce8-4e57-9140-b90eb88a9e97", "SWAY", "Sway");
    public static final ServicePlan FORMS =
            plan("2789c901-c14e-48ab-a76a-be334d9d793a", "FORMS_PLAN_E3", "Microsoft Forms (Plan E3)");
    public static final ServicePlan OFFICE_APPS =
            plan("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION", "Microsoft 365 Apps for Enterprise");
    public static final ServicePlan ENTRA_P1 =
            plan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM", "Microsoft Entra ID P1");
    public static final ServicePlan INTUNE =
            plan("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A", "Microsoft Intune");
    public static final ServicePlan MFA =
            plan("8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM", "Microsoft Azure Multi-Factor Authentication");
    public static final ServicePlan EXCHANGE_P1 =
            plan("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "Exchange Online (Plan 1)");
    public static final ServicePlan WORKPLACE_ANALYTICS_PLAN =
            plan("f477b0f0-3bb1-4890-940c-40fcee6ce05f", "WORKPLACE_ANALYTICS", "Microsoft Workplace Analytics");
    public static final ServicePlan WORKPLACE_INSIGHTS = plan(
            "b622badb-1b45-48d5-920f-4b27a2c0996c",
            "WORKPLACE_ANALYTICS_INSIGHTS_USER",
            "Microsoft Workplace Analytics Insights User");
    public static final ServicePlan PHONE_SYSTEM =
            plan("4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MCOEV", "Microsoft 365 Phone System");
    public static final ServicePlan CALLING_PLAN =
            plan("4ed3ff63-69d7-4fb7-b984-5aec7f605ca8", "MCOPSTN1", "Domestic Calling Plan");
    public static final ServicePlan POWER_BI =
            plan("70d33638-9c74-4d01-bfd3-562de28bd4ba", "BI_AZURE_P2", "Power BI Pro");
    public static final ServicePlan EXCHANGE_FOUNDATION =
            plan("113feb6c-3fe4-4440-bddc-54d774bf0318", "EXCHANGE_S_FOUNDATION", "Exchange Foundation");

    public static final Product E3 = product(
            "6fd2c87f-b296-42f0-b197-1e91e994b900",
            "ENTERPRISEPACK",
            "Office 365 E3",
            EXCHANGE_P2,
            SHAREPOINT,
            TEAMS,
            SWAY,
            FORMS,
            OFFICE_APPS);
    public static final Product EMS = product(
            "efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "EMS", "Enterprise Mobility + Security E3", ENTRA_P1, INTUNE, MFA);
    public static final Product EXCHANGE_STANDARD = product(
            "4b9405b0-7788-4568-add1-99614e613b69", "EXCHANGESTANDARD", "Exchange Online (Plan 1)", EXCHANGE_P1);
    public static final Product WORKPLACE_ANALYTICS = product(
            "3d957427-ecdc-4df2-aacd-01cc9d519da8",
            "WORKPLACE_ANALYTICS",
            "Microsoft Workplace Analytics",
            WORKPLACE_ANALYTICS_PLAN,
            WORKPLACE_INSIGHTS);
    public static final Product TEAMS_PHONE =
            product("e43b5b99-8dfb-405f-9987-dc307f34bcbd", "MCOEV", "Microsoft Teams Phone Standard", PHONE_SYSTEM);
    public static final Product CALLING = product(
            "0dab259f-bf13-4952-b7f8-7db8f131b28d",
            "MCOPSTN1",
            "Skype for Business PSTN Domestic Calling",
            CALLING_PLAN);
    public static final Product POWER_BI_PRO = product(
            "f8a1db68-be16-40ed-86d5-cb42ce701560", "POWER_BI_PRO", "Power BI Pro", EXCHANGE_FOUNDATION, POWER_BI);
    public static final Product COMPANY_STORAGE = new Product(
            new SkuId(UUID.fromString("99999999-0000-4000-8000-000000000001")),
            "EXTRA_STORAGE",
            "Office 365 Extra File Storage",
            AppliesTo.Company,
            List.of(new ServicePlan(
                    new ServicePlanId(UUID.fromString("99999999-0000-4000-8000-000000000002")),
                    "SHAREPOINTSTORAGE",
                    "Office 365 Extra File Storage",
                    AppliesTo.Company)),
            false);

    public static final List<PlanRule> RULES = List.of(
            PlanRule.requires(WORKPLACE_ANALYTICS_PLAN.id(), Set.of(EXCHANGE_P1.id(), EXCHANGE_P2.id())),
            PlanRule.requires(PHONE_SYSTEM.id(), Set.of(TEAMS.id())),
            PlanRule.requires(CALLING_PLAN.id(), Set.of(PHONE_SYSTEM.id())),
            PlanRule.excludes(EXCHANGE_P1.id(), Set.of(EXCHANGE_P2.id())),
            PlanRule.prohibitedIn(CALLING_PLAN.id(), Set.of(UsageLocation.of("CN"))));

    private TestCatalog() {}

    public static Catalog catalog() {
        return new Catalog(
                List.of(
                        E3,
                        EMS,
                        EXCHANGE_STANDARD,
                        WORKPLACE_ANALYTICS,
                        TEAMS_PHONE,
                        CALLING,
                        POWER_BI_PRO,
                        COMPANY_STORAGE),
                new PlanRuleSet(RULES));
    }

    private static ServicePlan plan(String id, String name, String displayName) {
        return new ServicePlan(ServicePlanId.of(id), name, displayName, AppliesTo.User);
    }

    private static Product product(String id, String partNumber, String displayName, ServicePlan... plans) {
        return new Product(SkuId.of(id), partNumber, displayName, AppliesTo.User, List.of(plans), false);
    }
}
