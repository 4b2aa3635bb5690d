package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.ldap.TestDirectory;
import org.allot.server.security.store.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A synced user's page, in Chromium, against an in-memory generic LDAP directory: where the user comes from, and, for a
 * user whose domain the tenant lacks, the name it has in the directory and why it has another one here.
 */
class SyncedUserPageIT extends AdminCenterIT {
    private final TestDirectory directory = TestDirectory.genericLdap();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Test
    void aUserOnTheInitialDomainShowsItsNameInTheDirectoryAndWhy() throws Exception {
        Site site = newSite("contoso.com", Role.GLOBAL_ADMINISTRATOR);
        directory.add(
                "dn: uid=ann,ou=people,DC=contoso,DC=com",
                "objectClass: inetOrgPerson",
                "uid: ann",
                "cn: Ann Branch",
                "sn: Branch",
                "mail: ann@branch.example.test");
        connect(site.api(), directory);
        syncNow(site.api());
        Browser b = browser();
        b.signIn(site.admin(), PASSWORD);

        b.open("/users?q=ann");
        b.find(By.cssSelector("tr[data-upn$='.allot.local'] a")).click();
        assertThat(b.text(By.cssSelector("[data-test=source]")))
                .as("an OpenLDAP user is not from Windows Server AD")
                .isEqualTo("On-premises directory");
        assertThat(b.text(By.cssSelector("[data-test=on-premises-upn]")))
                .startsWith("ann@branch.example.test")
                .contains("branch.example.test is not one of the tenant's domains")
                .contains("add it on the Domains page");

        b.open("/users?q=hedy");
        b.find(By.cssSelector("tr[data-upn='hedy.lamarr@contoso.com'] a")).click();
        assertThat(b.text(By.cssSelector("[data-test=source]"))).isEqualTo("On-premises directory");
        assertThat(b.has(By.cssSelector("[data-test=on-premises-upn]")))
                .as("the same name here and there: nothing to explain")
                .isFalse();
        assertThat(b.accessibilityViolations(true)).isEmpty();
    }
}
