package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.directory.GroupId;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * axe-core in Chromium on every main page of the admin center, at a laptop's width and at a phone's (390 pixels): no
 * serious or critical violation (colour contrast checked at the laptop's width); on the phone no page scrolls sideways
 * and its content starts on the first screen.
 */
class AdminCenterAccessibilityIT extends AdminCenterIT {
    private static final int PHONE = 390;
    private static final int PHONE_HEIGHT = 844;

    @Test
    void everyMainPageHasNoSeriousViolationAtLaptopAndPhoneWidth() {
        Site site = newSite(Role.GLOBAL_ADMINISTRATOR);
        subscribe(site, "ENTERPRISEPACK", 20);
        subscribe(site, "EMS", 1);
        UUID ann = user(site, "ann.longname.with.a.very.long.sign.in.name", "US");
        UUID bob = user(site, "bob", "US");
        UUID cat = user(site, "cat", null);
        guest(site, "gail");
        assignDirect(site, ann, "ENTERPRISEPACK");
        UUID group = group(site, "Sales and marketing, northern region", List.of(ann, bob, cat));
        work.run(() -> groupLicensing.assign(
                        site.setup(),
                        new GroupId(group),
                        List.of(AssignedLicense.of(product("EMS").skuId())),
                        List.of()))
                .value();
        String unit = site.api()
                .post("/v1.0/directory/administrativeUnits", """
                        {"displayName":"Northern region: sales and marketing"}""")
                .body()
                .path("id")
                .asString();
        site.api().post("/v1.0/directory/administrativeUnits/" + unit + "/members/$ref", """
                        {"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/%s"}""".formatted(ann));
        // a pool of the group's product (its forms on the product's and the group's pages) and a pending request
        assertThat(site.api()
                        .post("/allot/v1/subscribedSkus/EMS/allotments", """
                                {"displayName":"Northern seats","ownerType":"administrativeUnit","ownerId":"%s","cap":1}""".formatted(unit))
                        .status())
                .isEqualTo(201);
        assertThat(site.api()
                        .post("/allot/v1/licenseRequests", """
                                {"userId":"%s","skuId":"ENTERPRISEPACK","justification":"Joins the sales team"}""".formatted(bob))
                        .status())
                .isEqualTo(201);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("users", "/users");
        pages.put("user", "/users/" + bob);
        pages.put("groups", "/groups");
        pages.put("group", "/groups/" + group);
        pages.put("licenses", "/licenses");
        pages.put("product", "/licenses/" + product("EMS").skuId());
        pages.put("units", "/units");
        pages.put("unit", "/units/" + unit);
        pages.put("domains", "/domains");
        pages.put("sync", "/sync");
        pages.put("notifications", "/notifications");
        pages.put("audit", "/audit");
        pages.put("reclaim", "/reclaim");
        pages.put("reports", "/reports");
        pages.put("requests", "/requests");
        pages.put("administrators", "/administrators");
        Browser b = browser();
        List<String> problems = new ArrayList<>();
        try {
            for (int width : new int[] {1440, PHONE}) {
                b.resize(width, width == PHONE ? PHONE_HEIGHT : 1000);
                b.signIn(site.admin(), PASSWORD);
                b.open("/login");
                check(b, "sign-in", width, problems);
                b.open("/");
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    b.open(page.getValue());
                    b.find(By.cssSelector("#main h1"));
                    check(b, page.getKey(), width, problems);
                }
            }
        } finally {
            b.resize(1440, 1000);
        }
        assertThat(problems).isEmpty();

        // the apps of a license from a group are read-only, and still reachable with the keyboard
        b.open("/users/" + bob);
        assertThat(b.attribute(By.cssSelector("[data-test=license] [data-test=apps]"), "tabindex"))
                .isEqualTo("0");
    }

    private static void check(Browser b, String page, int width, List<String> problems) {
        // colours do not change with the width: contrast is checked at the laptop's
        b.accessibilityViolations(width != PHONE).forEach(v -> problems.add(page + " at " + width + " px: " + v));
        if (width == PHONE) {
            long scrollWidth = ((Number) b.script("return document.documentElement.scrollWidth;")).longValue();
            long viewport = ((Number) b.script("return window.innerWidth;")).longValue();
            if (scrollWidth > viewport) {
                Object wide = b.script("var out = [];"
                        + " document.querySelectorAll('main *').forEach(function (e) {"
                        + "   var r = e.getBoundingClientRect();"
                        + "   if (r.right > window.innerWidth + 1 && out.length < 4) {"
                        + "     out.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(r.right)); } });"
                        + " return out.join(', ');");
                problems.add(
                        page + " at " + width + " px scrolls sideways: " + scrollWidth + " px wide (" + wide + ")");
            }
            long top = ((Number) b.script("var h = document.querySelector('main h1, main h2');"
                            + " return h ? Math.round(h.getBoundingClientRect().top) : -1;"))
                    .longValue();
            long height = ((Number) b.script("return window.innerHeight;")).longValue();
            if (top < 0 || top > height) {
                problems.add(page + " at " + width + " px: content starts below the first screen (" + top + " px)");
            }
        }
    }
}
