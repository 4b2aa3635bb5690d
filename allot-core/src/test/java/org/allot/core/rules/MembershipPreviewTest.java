package org.allot.core.rules;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.rules.RulePreview.Person;
import org.allot.core.rules.RulePreview.SeatImpact;
import org.allot.core.testing.Scenario;
import org.allot.core.unit.UnitId;
import org.junit.jupiter.api.Test;

/** A rule preview tells who would match, join and leave, and what it means for seats — and changes nothing. */
class MembershipPreviewTest {
    private static final String SALES = "user.department -eq \"Sales\"";
    private static final String SALES_AND_MARKETING = "user.department -in [\"Sales\", \"Marketing\"]";

    private final Scenario contoso = Scenario.contoso();

    @Test
    void aPreviewCountsMatchesJoinersAndLeaversAndChangesNothing() {
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        UserId bob = contoso.aUser("bob").inDepartment("Sales").locatedIn("SE").create();
        UserId cy = contoso.aUser("cy").inDepartment("Marketing").create();
        contoso.aUser("dan").inDepartment("Finance").create();
        GroupId group = contoso.aGroup("Revenue").withRule(SALES).create();
        int events = contoso.auditEvents().size();

        RulePreview preview = preview(group, SALES_AND_MARKETING + " -and user.usageLocation -eq \"US\"", 10);

        assertThat(preview.matching()).isEqualTo(2);
        assertThat(preview.firstMatching()).extracting(Person::id).containsExactlyInAnyOrder(ada, cy);
        assertThat(preview.joining()).isEqualTo(1);
        assertThat(preview.firstJoining()).extracting(Person::userPrincipalName).containsExactly("cy@contoso.com");
        assertThat(preview.leaving()).isEqualTo(1);
        assertThat(preview.firstLeaving()).extracting(Person::id).containsExactly(bob);
        assertThat(contoso.membersOf(group)).containsExactlyInAnyOrder(ada, bob);
        assertThat(contoso.auditEvents()).hasSize(events);
    }

    @Test
    void listsStopAtThePageSizeButCountsAreExact() {
        contoso.users("member", 5);

        RulePreview preview = preview(null, "user.objectId -ne null", 2);

        assertThat(preview.matching()).isEqualTo(5);
        assertThat(preview.firstMatching()).hasSize(2);
        assertThat(preview.joining())
                .as("a group not created yet has no members")
                .isEqualTo(5);
        assertThat(preview.leaving()).isZero();
        assertThat(preview.seats()).isEmpty();
    }

    @Test
    void theSeatImpactCountsNewSeatsWaitersAndLicensesLost() {
        contoso.subscribe(E3, 3);
        UserId ada = contoso.aUser("ada").inDepartment("Sales").create();
        UserId bob = contoso.aUser("bob").inDepartment("Sales").create();
        GroupId group =
                contoso.aGroup("Revenue").withRule(SALES).licensedWith(E3).create();
        List<UserId> marketing = List.of(
                contoso.aUser("m1").inDepartment("Marketing").create(),
                contoso.aUser("m2").inDepartment("Marketing").create(),
                contoso.aUser("m3").inDepartment("Marketing").create());
        contoso.assign(marketing.get(0), E3).value();

        RulePreview preview = preview(group, "user.department -eq \"Marketing\"", 10);

        SeatImpact e3 = preview.seats().get(0);
        assertThat(e3.sku()).isEqualTo(E3.skuId());
        assertThat(e3.product()).isEqualTo("Office 365 E3 (ENTERPRISEPACK)");
        assertThat(e3.newSeats()).as("m1 already holds E3 directly").isEqualTo(2);
        assertThat(e3.available()).isZero();
        assertThat(e3.freedByLeavers()).isEqualTo(2);
        assertThat(e3.wouldWait()).isZero();
        assertThat(e3.losing()).isEqualTo(2);
        assertThat(e3.firstLosing()).extracting(Person::id).containsExactlyInAnyOrder(ada, bob);
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
    }

    @Test
    void joinersBeyondTheFreeSeatsWouldWait() {
        contoso.subscribe(E3, 1);
        contoso.subscribe(EMS, 10);
        GroupId group = contoso.aGroup("Revenue")
                .withRule(SALES)
                .licensedWith(E3)
                .licensedWith(EMS)
                .create();
        contoso.users("new", 3).forEach(u -> contoso.update(u, UserAttribute.DEPARTMENT, "Marketing")
                .value());

        RulePreview preview = preview(group, "user.department -eq \"Marketing\"", 10);

        assertThat(preview.seats())
                .extracting(SeatImpact::sku, SeatImpact::newSeats, SeatImpact::wouldWait)
                .containsExactlyInAnyOrder(tuple(E3.skuId(), 3L, 2L), tuple(EMS.skuId(), 3L, 0L));
    }

    /**
     * A product split into allotments: joiners draw from the pool the engine would draw them from, so those of a full
     * pool would wait although the product has free seats (docs/delegation.md#allotments).
     */
    @Test
    void joinersOfAFullAllotmentWouldWaitWhileTheProductHasFreeSeats() {
        contoso.subscribe(E3, 10);
        GroupId group =
                contoso.aGroup("Revenue").withRule(SALES).licensedWith(E3).create();
        UnitId north = contoso.unit("North");
        List<UserId> northUsers = contoso.inUnit(north, contoso.users("north", 3));
        northUsers.forEach(
                u -> contoso.update(u, UserAttribute.DEPARTMENT, "Marketing").value());
        contoso.users("south", 2).forEach(u -> contoso.update(u, UserAttribute.DEPARTMENT, "Marketing")
                .value());
        contoso.allot
                .licensing()
                .allotments()
                .create(
                        contoso.admin,
                        E3.skuId().toString(),
                        new AllotmentChange(
                                Optional.of("North seats"),
                                Optional.of(new Allotment.Owner(Allotment.Kind.UNIT, north.value())),
                                Optional.of(1),
                                Optional.empty()))
                .value();

        RulePreview preview = preview(group, "user.department -eq \"Marketing\"", 10);

        assertThat(preview.seats())
                .extracting(SeatImpact::sku, SeatImpact::newSeats, SeatImpact::available, SeatImpact::wouldWait)
                .as("two of North's three joiners find North's one seat taken; the product has 10 free")
                .containsExactly(tuple(E3.skuId(), 5L, 10, 2L));
        contoso.setRule(group, "user.department -eq \"Marketing\"").value();
        assertThat(northUsers.stream().filter(u -> contoso.heldSkus(u).isEmpty()))
                .as("applying the rule: as forecast")
                .hasSize(2);
    }

    @Test
    void aNarrowedRuleForecastsTheLeaversAndLicensesLostThatApplyingItThenTakes() {
        contoso.subscribe(E3, 5);
        List<UserId> sales = List.of(
                contoso.aUser("s1").inDepartment("Sales").create(),
                contoso.aUser("s2").inDepartment("Sales").create());
        UserId m1 = contoso.aUser("m1").inDepartment("Marketing").create();
        UserId m2 = contoso.aUser("m2").inDepartment("Marketing").create();
        UserId m3 = contoso.aUser("m3").inDepartment("Marketing").create();
        contoso.assign(m3, E3).value();
        GroupId group = contoso.aGroup("Revenue")
                .withRule(SALES_AND_MARKETING)
                .licensedWith(E3)
                .create();
        contoso.runJobs();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(5);

        RulePreview preview = preview(group, SALES, 10);

        assertThat(preview.joining()).isZero();
        assertThat(preview.leaving()).isEqualTo(3);
        SeatImpact e3 = preview.seats().get(0);
        assertThat(e3.newSeats()).isZero();
        assertThat(e3.losing()).as("m3 keeps E3 directly").isEqualTo(2);
        assertThat(e3.firstLosing()).extracting(Person::id).containsExactlyInAnyOrder(m1, m2);
        assertThat(e3.freedByLeavers()).isEqualTo(2);
        assertThat(e3.wouldWait()).isZero();

        contoso.setRule(group, SALES).value();
        contoso.runJobs();
        assertThat(contoso.membersOf(group)).containsExactlyInAnyOrderElementsOf(sales);
        assertThat(contoso.seatsOf(E3).consumed()).as("the seats freed").isEqualTo(5 - 2);
        assertThat(contoso.heldSkus(m1)).doesNotContain(E3.skuId());
        assertThat(contoso.heldSkus(m2)).doesNotContain(E3.skuId());
        assertThat(contoso.heldSkus(m3)).contains(E3.skuId());
    }

    @Test
    void aWidenedRuleForecastsTheSeatsTakenAndWhoWaitsAsApplyingItThenDoes() {
        contoso.subscribe(E3, 3);
        contoso.aUser("s1").inDepartment("Sales").create();
        contoso.aUser("s2").inDepartment("Sales").create();
        GroupId group =
                contoso.aGroup("Revenue").withRule(SALES).licensedWith(E3).create();
        contoso.runJobs();
        contoso.users("m", 3).forEach(u -> contoso.update(u, UserAttribute.DEPARTMENT, "Marketing")
                .value());
        contoso.runJobs();

        RulePreview preview = preview(group, SALES_AND_MARKETING, 10);

        assertThat(preview.joining()).isEqualTo(3);
        assertThat(preview.leaving()).isZero();
        SeatImpact e3 = preview.seats().get(0);
        assertThat(e3.newSeats()).isEqualTo(3);
        assertThat(e3.available()).isEqualTo(1);
        assertThat(e3.waiting()).isZero();
        assertThat(e3.wouldWait()).isEqualTo(2);
        assertThat(e3.losing()).isZero();

        contoso.setRule(group, SALES_AND_MARKETING).value();
        contoso.runJobs();
        assertThat(contoso.seatsOf(E3).consumed()).isEqualTo(3);
        assertThat(contoso.waitingFor(E3)).hasSize((int) e3.wouldWait());
    }

    @Test
    void leaversWhoWaitLeaveTheQueueSoJoinersGetTheSeatTheLeaversFree() {
        contoso.subscribe(E3, 1);
        contoso.aUser("s1").inDepartment("Sales").create();
        contoso.aUser("s2").inDepartment("Sales").create();
        GroupId group =
                contoso.aGroup("Revenue").withRule(SALES).licensedWith(E3).create();
        contoso.runJobs();
        assertThat(contoso.waitingFor(E3))
                .as("one Sales member waits for the only seat")
                .hasSize(1);
        UserId m1 = contoso.aUser("m1").inDepartment("Marketing").create();

        RulePreview preview = preview(group, "user.department -eq \"Marketing\"", 10);

        SeatImpact e3 = preview.seats().get(0);
        assertThat(e3.newSeats()).isEqualTo(1);
        assertThat(e3.available()).isZero();
        assertThat(e3.waiting()).isEqualTo(1);
        assertThat(e3.freedByLeavers()).isEqualTo(1);
        assertThat(e3.losing()).isEqualTo(1);
        assertThat(e3.wouldWait())
                .as("the waiting Sales member leaves the queue: the seat the other frees goes to m1")
                .isZero();

        contoso.setRule(group, "user.department -eq \"Marketing\"").value();
        contoso.runJobs();
        assertThat(contoso.heldSkus(m1)).contains(E3.skuId());
        assertThat(contoso.waitingFor(E3)).isEmpty();
    }

    @Test
    void aPreviewOfARuleThatDoesNotParseGivesThePosition() {
        var refused = contoso.allot
                .membershipPreview()
                .preview(contoso.admin, null, "user.department -eq \"Sales\" -and", 10)
                .rejection();

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused.message()).contains("at position 33");
    }

    @Test
    void aPreviewNeedsAnExistingGroupAndASensiblePageSize() {
        assertThat(contoso.allot
                        .membershipPreview()
                        .preview(contoso.admin, GroupId.random(), SALES, 10)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(contoso.allot
                        .membershipPreview()
                        .preview(contoso.admin, null, SALES, 0)
                        .isDone())
                .isFalse();
    }

    private RulePreview preview(GroupId group, String rule, int page) {
        return contoso.allot
                .membershipPreview()
                .preview(contoso.admin, group, rule, page)
                .value();
    }
}
