package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.directory.GroupId;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin center at scale and after seats change: every list says its total and pages to its end, members in error
 * are summed up and exported, overage is shown, and several users are picked at once.
 */
class AdminCenterScaleIT extends AdminCenterIT {
    private static final By NOTICE = By.cssSelector("[data-test=notice]");
    private static final By ERROR_ROWS = By.cssSelector("[data-test=errors] tbody tr");

    @Test
    void membersInErrorAreCountedPagedToTheLastSummedUpWithWaitingPlacesAndExportedInFull()
            throws InterruptedException {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 2);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 54; i++) {
            members.add(user(site, String.format("member%02d", i), "US"));
        }
        members.add(user(site, "nowhere", null));
        UUID group = group(site, "Everyone", members);
        assignToGroup(site, group, "ENTERPRISEPACK");
        // more members than are licensed within the request: a background job licenses them
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count(
                        "select count(*) from license_assignment where source_group_id = ?"
                                + " and (state is not null or error is not null)",
                        group)
                < members.size()) {
            assertThat(System.nanoTime()).as("the group's members are licensed").isLessThan(deadline);
            Thread.sleep(100);
        }
        long inError = count(
                "select count(distinct user_id) from license_assignment where source_group_id = ?"
                        + " and error is not null",
                group);
        long waiting = count(
                "select count(*) from license_assignment where source_group_id = ?" + " and error = 'CountViolation'",
                group);
        assertThat(inError).isEqualTo(53);
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/groups/" + group);
        assertThat(b.text(By.id("errors-title"))).isEqualTo("Members in error (" + inError + ")");
        assertThat(b.text(By.cssSelector("[data-test=errors-range]"))).startsWith("50 shown of " + inError);
        List<String> summary = b.all(By.cssSelector("[data-test=error-summary] tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(summary)
                .anySatisfy(
                        line -> assertThat(line).contains("Waiting for a seat").endsWith(" " + waiting));
        assertThat(b.all(By.cssSelector("[data-test=summary-users]")).stream()
                        .mapToLong(c -> Long.parseLong(c.getText()))
                        .sum())
                .as("the summary counts every assignment in error")
                .isEqualTo(count(
                        "select count(*) from license_assignment where source_group_id = ? and error is not null",
                        group));
        List<String> positions = new ArrayList<>(positions(b));
        List<String> seen = new ArrayList<>(b.all(ERROR_ROWS).stream()
                .map(r -> r.getDomAttribute("data-upn"))
                .toList());
        assertThat(seen).hasSize(50);
        b.click(By.cssSelector("[data-test=errors-next]"));
        seen.addAll(b.all(ERROR_ROWS).stream()
                .map(r -> r.getDomAttribute("data-upn"))
                .toList());
        positions.addAll(positions(b));
        assertThat(seen).hasSize((int) inError).doesNotHaveDuplicates();
        assertThat(b.has(By.cssSelector("[data-test=errors-next]"))).isFalse();
        assertThat(positions.stream().map(Integer::valueOf).sorted().toList())
                .as("each waiting member's place in the waiting list")
                .isEqualTo(IntStream.rangeClosed(1, (int) waiting).boxed().toList());

        AdminSession.Page csv = session(site).get("/groups/" + group + "/members-in-error.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).startsWith("displayName,userPrincipalName,userId,product,error,reason,waitingPosition");
        assertThat(lines).hasSize(1 + (int) inError);
        assertThat(lines[lines.length - 1]).contains("Office 365 E3");
    }

    @Test
    void loweringSeatsBelowUseShowsTheOverageAndWhatItMeansAndWaitingUsersAreNotHolders() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID subscription = subscribe(site, "ENTERPRISEPACK", 5);
        for (int i = 0; i < 5; i++) {
            assignDirect(site, user(site, "holder" + i, "US"), "ENTERPRISEPACK");
        }
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/licenses/" + e3);
        b.type(By.id("seats-" + subscription), "2");
        b.click(By.cssSelector("#seats-" + subscription + " ~ button"));
        assertThat(b.text(NOTICE)).contains("now has 2 seats");

        assertThat(b.text(By.cssSelector("[data-test=figures] [data-test=total]")))
                .isEqualTo("2");
        assertThat(b.text(By.cssSelector("[data-test=figures] [data-test=overage]")))
                .isEqualTo("3");
        assertThat(b.text(By.cssSelector("[data-test=overage-warning]")))
                .contains("5 users hold Office 365 E3 but only 2 seats are bought: 3 seats are over")
                .contains("Nobody loses the license");

        UUID gwen = user(site, "gwen", "US");
        assignToGroup(site, group(site, "Late joiners", List.of(gwen)), "ENTERPRISEPACK");
        b.open("/licenses/" + e3);
        assertThat(b.text(By.id("holders-title"))).isEqualTo("Seat holders (5)");
        assertThat(b.text(By.id("waiting-title"))).isEqualTo("Waiting list (1)");
        assertThat(b.has(By.cssSelector("[data-test=holders] tr[data-upn='gwen@" + site.domain() + "']")))
                .isFalse();
        assertThat(b.has(By.cssSelector("[data-test=waiting-list] [data-upn='gwen@" + site.domain() + "']")))
                .isTrue();

        b.open("/");
        WebElement row = b.find(By.cssSelector("[data-test=seats] tr[data-sku=ENTERPRISEPACK]"));
        assertThat(row.findElements(By.cssSelector("td.text-end")).stream()
                        .map(WebElement::getText)
                        .collect(Collectors.joining(" ")))
                .isEqualTo("2 5 0 1 3");
        assertThat(b.text(By.cssSelector("[data-test=overage-warning]"))).contains("3 seats are over");
    }

    @Test
    void aProductIsAssignedToSeveralPickedUsersAndRemovedFromSeveral() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 10);
        UUID ann = user(site, "ann", "US");
        UUID anna = user(site, "anna", "US");
        UUID bob = user(site, "bob", "US");
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/licenses/" + e3);

        pick(b, "assign-form", "ann", 2);
        b.click(By.id("pick-" + ann));
        b.click(By.id("pick-" + anna));
        pick(b, "assign-form", "bob", 3);
        assertThat(b.find(By.id("pick-" + ann)).isSelected())
                .as("a new search keeps the ticks")
                .isTrue();
        b.click(By.id("pick-" + bob));
        b.click(By.cssSelector("[data-test=assign-picked]"));
        assertThat(b.text(NOTICE)).isEqualTo("Office 365 E3 assigned to 3 users.");
        assertThat(directUsers(site, e3)).containsExactlyInAnyOrder(ann, anna, bob);

        b.click(By.cssSelector("#unassign-form input[value='" + ann + "']"));
        b.click(By.cssSelector("#unassign-form input[value='" + bob + "']"));
        b.clickAndConfirm(By.cssSelector("[data-test=unassign-picked]"));
        assertThat(b.text(NOTICE)).isEqualTo("Office 365 E3 removed from 2 users.");
        assertThat(directUsers(site, e3)).containsExactly(anna);
    }

    @Test
    void aGroupGetsSeveralPickedMembersAtOnceAndAMemberByDisplayName() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID pete = user(site, "pete", "US");
        UUID peter = user(site, "peter", "US");
        UUID quinn = user(site, "quinn", "US");
        UUID zed = user(site, "zed.zulu", "US");
        UUID group = group(site, "Team", List.of());
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/groups/" + group);

        b.click(By.xpath("//summary[text()='Add several users at once']"));
        pick(b, "add-members-form", "pete", 2);
        b.click(By.id("pick-" + pete));
        b.click(By.id("pick-" + peter));
        pick(b, "add-members-form", "qu", 3);
        b.click(By.id("pick-" + quinn));
        b.click(By.cssSelector("[data-test=add-picked]"));
        assertThat(b.text(NOTICE)).isEqualTo("3 members added.");
        assertThat(membersOf(group)).containsExactlyInAnyOrder(pete, peter, quinn);

        b.type(By.id("member"), "Zed zulu");
        b.click(By.cssSelector("#add-member-form button"));
        assertThat(b.text(NOTICE)).isEqualTo("zed.zulu@" + site.domain() + " added.");
        assertThat(membersOf(group)).contains(zed).hasSize(4);
    }

    @Test
    void theUserListCombinesFiltersFiltersByProductAndStateAndExportsEveryMatchingUser() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 1);
        subscribe(site, "EMS", 5);
        for (int i = 0; i < 52; i++) {
            user(site, String.format("nol%02d", i), null);
        }
        for (int i = 0; i < 3; i++) {
            synced(site, "sync" + i);
        }
        UUID located = synced(site, "sync.located");
        jdbc.sql("update directory_user set usage_location = 'US' where id = ?")
                .param(located)
                .update();
        UUID holds = user(site, "holds", "US");
        UUID waits = user(site, "waits", "US");
        assignDirect(site, holds, "ENTERPRISEPACK");
        assignToGroup(site, group(site, "E3 users", List.of(waits)), "ENTERPRISEPACK");
        String e3 = product("ENTERPRISEPACK").skuId().toString();
        String ems = product("EMS").skuId().toString();
        AdminSession admin = session(site);

        assertThat(count(admin.get("/users?show=synced"))).isEqualTo(4);
        assertThat(count(admin.get("/users?show=cloud"))).isEqualTo(54);
        assertThat(count(admin.get("/users?show=no_location"))).isEqualTo(55);
        assertThat(count(admin.get("/users?show=waiting"))).isEqualTo(1);
        assertThat(count(admin.get("/users?product=" + e3))).isEqualTo(1);
        assertThat(count(admin.get("/users?product=ENTERPRISEPACK&show=waiting")))
                .isEqualTo(1);
        assertThat(count(admin.get("/users?product=" + ems + "&show=waiting"))).isZero();
        assertThat(count(admin.get("/users?product=" + e3 + "&show=errors&show=waiting&q=wai")))
                .isEqualTo(1);
        assertThat(admin.get("/users?product=NOT_A_PRODUCT").status()).isEqualTo(400);

        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);
        b.open("/users");
        b.click(By.id("show-synced"));
        b.click(By.id("show-no_location"));
        b.click(By.cssSelector("#user-filters button[type=submit]"));
        assertThat(b.text(By.cssSelector("[data-test=count]"))).isEqualTo("3");
        assertThat(b.all(By.cssSelector("[data-test=users] tbody tr"))).hasSize(3);
        String csvLink = b.attribute(By.cssSelector("[data-test=users-csv]"), "href");
        String[] synced = admin.get(csvLink).body().split("\n");
        assertThat(synced).hasSize(4);
        assertThat(synced[0]).isEqualTo("displayName,userPrincipalName,id,licenses,state,usageLocation,source");
        assertThat(synced[1]).endsWith(",Synced");

        String[] all = admin.get("/users.csv?show=no_location").body().split("\n");
        assertThat(all).as("every matching user, not only the first page of 50").hasSize(1 + 55);
    }

    /** Types in a picker's search field until it offers this many users. */
    private static void pick(Browser b, String form, String typed, int offered) {
        b.type(By.id(form + "-pick"), typed);
        b.waitUntil(d -> d.findElements(By.cssSelector("#" + form + "-picks input[name=user]"))
                        .size()
                == offered);
    }

    private static List<String> positions(Browser b) {
        return b.all(By.cssSelector("[data-test=errors] [data-test=waiting-position]")).stream()
                .map(WebElement::getText)
                .filter(t -> !t.equals("—"))
                .toList();
    }

    private void assignToGroup(Site site, UUID group, String partNumber) {
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(AssignedLicense.of(product(partNumber).skuId())),
                        List.of()))
                .value();
    }

    private long count(String sql, UUID param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private List<UUID> directUsers(Site site, String sku) {
        return jdbc.sql("select user_id from license_assignment where tenant_id = ? and sku_id = ?::uuid"
                        + " and source_group_id = '00000000-0000-0000-0000-000000000000'")
                .params(site.tenant().value(), sku)
                .query(UUID.class)
                .list();
    }

    private List<UUID> membersOf(UUID group) {
        return jdbc.sql("select user_id from group_member_user where group_id = ?")
                .param(group)
                .query(UUID.class)
                .list();
    }

    private static int count(AdminSession.Page page) {
        var m = java.util.regex.Pattern.compile("data-test=\"count\">(\\d+)<").matcher(page.body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void aGroupWithMoreGuestsThanTheWarningNamesSaysHowManyInAll() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        List<UUID> guests = IntStream.rangeClosed(1, GroupPage.GUESTS_SHOWN + 2)
                .mapToObj(i -> guest(site, "visitor" + i))
                .toList();
        UUID group = group(site, "Visitors", guests);

        String page = session(site).get("/groups/" + group).body();
        assertThat(page)
                .contains((GroupPage.GUESTS_SHOWN + 2) + " guests are members.")
                .contains("The first " + GroupPage.GUESTS_SHOWN + " of " + (GroupPage.GUESTS_SHOWN + 2) + " by name");
    }

    @Test
    void theMembersWithNestedGroupsViewSaysHowManyUsersItHolds() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        UUID inner = group(site, "Inner", List.of(user(site, "bea", "US"), user(site, "cal", "US")));
        UUID outer = group(site, "Outer", List.of(user(site, "ada", "US")));
        work.run(() -> groupDirectory.addMember(
                        site.setup(), new GroupId(outer), org.allot.core.directory.Member.group(new GroupId(inner))))
                .value();

        AdminSession admin = session(site);
        assertThat(admin.get("/groups/" + outer).body()).contains("Members (2 direct)");
        assertThat(admin.get("/groups/" + outer + "?view=all").body())
                .contains("Members (2 direct, 3 users with nested groups)");
    }
}
