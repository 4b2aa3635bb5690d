package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.sync.Connector;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.ConnectorSettings;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The connector form's member attributes: the {@code group.member} mapping override, shown and edited apart. */
class ConnectorFormTest {

    @Test
    void theMemberAttributesAreShownOnePerLineApartFromTheOtherOverridesAndSentBackAsGroupMember() {
        ConnectorSettings settings = new ConnectorRequest(
                        "genericLdap",
                        "ldap://ldap.contoso.com",
                        false,
                        null,
                        null,
                        null,
                        List.of("dc=contoso,dc=com"),
                        null,
                        null,
                        Map.of("group.member", "member, memberUid:uid", "department", "ou"),
                        true)
                .settings()
                .value();
        ConnectorForm form =
                ConnectorForm.of(new Connector(TenantId.random(), settings, false, Instant.EPOCH, Instant.EPOCH, null));

        assertThat(form.memberAttributes()).isEqualTo("member\nmemberUid:uid");
        assertThat(form.mapping()).isEqualTo("department = ou");
        assertThat(form.request(null).value().mapping())
                .containsOnly(Map.entry("group.member", "member, memberUid:uid"), Map.entry("department", "ou"));
    }

    @Test
    void postedMemberAttributesBecomeGroupMemberUnlessTheMappingNamesItToo() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("preset", "genericLdap");
        posted.add("url", "ldap://ldap.contoso.com");
        posted.add("baseDns", "dc=contoso,dc=com");
        posted.add("memberAttributes", " member \n\nuniqueMember\n");
        posted.add("mapping", "");

        assertThat(ConnectorForm.from(posted).request(null).value().mapping())
                .containsOnly(Map.entry("group.member", "member, uniqueMember"));

        posted.set("mapping", "group.member = memberUid:uid");
        assertThat(ConnectorForm.from(posted).request(null).rejection().message())
                .isEqualTo("The attribute mapping names group.member: give the member attributes in their own field"
                        + " only.");

        posted.set("memberAttributes", "");
        assertThat(ConnectorForm.from(posted).request(null).value().mapping())
                .as("the mapping alone still may")
                .containsOnly(Map.entry("group.member", "memberUid:uid"));
    }
}
