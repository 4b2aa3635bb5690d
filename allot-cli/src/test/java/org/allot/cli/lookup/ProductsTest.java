package org.allot.cli.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allot.api.graph.ServicePlanInfo;
import org.allot.api.graph.SubscribedSkuResource;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import org.junit.jupiter.api.Test;

/** Products and plans are named by part number, GUID, or a word of a subscribed part number. */
class ProductsTest {
    static final UUID E3 = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
    static final UUID E5 = UUID.fromString("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
    static final UUID SWAY = UUID.fromString("a23b959c-7ce8-4e57-9140-b90eb88a9e97");
    static final UUID FORMS = UUID.fromString("2789c901-c14e-48ab-a76a-be334d9d793a");
    static final UUID VISIO = UUID.fromString("c5928f49-12ba-48f7-ada3-0d743a3601d5");

    private final Products products = new Products(
            List.of(sku(E3, "ENTERPRISEPACK", plan(SWAY, "SWAY"), plan(FORMS, "FORMS_PLAN_E3")), sku(E5, "SPE_E5")),
            name -> name.equalsIgnoreCase("VISIOCLIENT") || name.equalsIgnoreCase(VISIO.toString())
                    ? Optional.of(new Products.Sku(VISIO, "VISIOCLIENT", List.of()))
                    : Optional.empty());

    @Test
    void aPartNumberInAnyCaseOrAGuidNamesAProduct() {
        assertThat(products.find("enterprisepack").skuId()).isEqualTo(E3);
        assertThat(products.find(E5.toString()).partNumber()).isEqualTo("SPE_E5");
    }

    @Test
    void aWordOfOneSubscribedPartNumberNamesIt() {
        assertThat(products.find("E5").partNumber()).isEqualTo("SPE_E5");
    }

    @Test
    void productsNotSubscribedAreFoundInTheCatalogue() {
        assertThat(products.find("VisioClient").skuId()).isEqualTo(VISIO);
        assertThat(products.partNumber(VISIO)).isEqualTo("VISIOCLIENT");
    }

    @Test
    void anUnknownProductIsNotFound() {
        assertThatThrownBy(() -> products.find("E7")).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.exit()).isEqualTo(Exit.NOT_FOUND);
            assertThat(f.getMessage()).contains("No product 'E7'", "allot product catalog --search E7");
        });
    }

    @Test
    void aWordOfSeveralPartNumbersIsAmbiguous() {
        Products two = new Products(List.of(sku(E3, "M365_E5_SUITE"), sku(E5, "SPE_E5")), n -> Optional.empty());
        assertThatThrownBy(() -> two.find("e5")).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.exit()).isEqualTo(Exit.USAGE);
            assertThat(f.getMessage()).contains("M365_E5_SUITE, SPE_E5");
        });
    }

    @Test
    void plansAreNamedByNameOrGuidWithinTheirProduct() {
        Products.Sku e3 = products.find("ENTERPRISEPACK");
        assertThat(e3.plans(List.of("sway", FORMS.toString()))).containsExactly(SWAY, FORMS);
        assertThat(e3.planName(SWAY.toString())).isEqualTo("SWAY");
        assertThatThrownBy(() -> e3.plans(List.of("TEAMS1"))).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.exit()).isEqualTo(Exit.NOT_FOUND);
            assertThat(f.getMessage())
                    .isEqualTo("ENTERPRISEPACK has no service plan 'TEAMS1': see 'allot product"
                            + " plans ENTERPRISEPACK'.");
        });
    }

    @Test
    void planListsAreSeparatedByCommasSemicolonsOrSpaces() {
        assertThat(Products.names("SWAY, FORMS_PLAN_E3;TEAMS1 YAMMER"))
                .containsExactly("SWAY", "FORMS_PLAN_E3", "TEAMS1", "YAMMER");
        assertThat(Products.names("  ")).isEmpty();
        assertThat(Products.names(null)).isEmpty();
    }

    static SubscribedSkuResource sku(UUID id, String partNumber, ServicePlanInfo... plans) {
        return new SubscribedSkuResource(
                null, null, "User", "Enabled", 0, null, null, List.of(plans), id, partNumber, null, 0);
    }

    static ServicePlanInfo plan(UUID id, String name) {
        return new ServicePlanInfo("User", "Success", id, name);
    }
}
