package org.allot.bench.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.PlanRule;
import org.allot.core.catalog.PlanRuleSet;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ServicePlan;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.LicenseUnits;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * A small catalogue with Microsoft 365's real ids for the engine's micro-benchmarks (Office 365 E3, EMS E3 and
 * Microsoft 365 E5's phone system with its requirement), and seat figures that never run out.
 */
final class EngineFixtures {
    static final ServicePlan EXCHANGE = plan("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE");
    static final ServicePlan SHAREPOINT = plan("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE");
    static final ServicePlan TEAMS = plan("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1");
    static final ServicePlan SWAY = plan("a23b959c-7ce8-4e57-9140-b90eb88a9e97", "SWAY");
    static final ServicePlan FORMS = plan("2789c901-c14e-48ab-a76a-be334d9d793a", "FORMS_PLAN_E3");
    static final ServicePlan OFFICE = plan("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION");
    static final ServicePlan ENTRA_P1 = plan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM");
    static final ServicePlan INTUNE = plan("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A");
    static final ServicePlan MFA = plan("8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM");
    static final ServicePlan PHONE = plan("4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MCOEV");
    static final ServicePlan CALLING = plan("4ed3ff63-69d7-4fb7-b984-5aec7f605ca8", "MCOPSTN1");

    static final Product E3 = product(
            "6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", EXCHANGE, SHAREPOINT, TEAMS, SWAY, FORMS, OFFICE);
    static final Product EMS = product("efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "EMS", ENTRA_P1, INTUNE, MFA);
    static final Product PHONE_SYSTEM = product("e43b5b99-8dfb-405f-9987-dc307f34bcbd", "MCOEV", PHONE);
    static final Product CALLING_PLAN = product("0dab259f-bf13-4952-b7f8-7db8f131b28d", "MCOPSTN1", CALLING);

    static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private EngineFixtures() {}

    static Catalog catalog() {
        return new Catalog(
                List.of(E3, EMS, PHONE_SYSTEM, CALLING_PLAN),
                new PlanRuleSet(List.of(PlanRule.requires(CALLING.id(), Set.of(PHONE.id())))));
    }

    /** Seats that are always free: the figures of a SKU bought a million times and never used. */
    static Seats plentifulSeats() {
        return new Seats() {
            private final SeatCount count = new SeatCount(new LicenseUnits(1_000_000, 0, 0, 0), 0, 0);

            @Override
            public SeatCount lock(TenantId tenant, SkuId sku) {
                return count;
            }

            @Override
            public void save(TenantId tenant, SkuId sku, SeatCount c) {
                // nothing kept: every evaluation starts from the same figures
            }

            @Override
            public Map<SkuId, SeatCount> all(TenantId tenant) {
                return Map.of();
            }
        };
    }

    private static ServicePlan plan(String id, String name) {
        return new ServicePlan(new ServicePlanId(UUID.fromString(id)), name, name, AppliesTo.User);
    }

    private static Product product(String id, String part, ServicePlan... plans) {
        return new Product(new SkuId(UUID.fromString(id)), part, part, AppliesTo.User, List.of(plans), false);
    }
}
