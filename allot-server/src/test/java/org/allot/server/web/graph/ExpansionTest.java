package org.allot.server.web.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.allot.core.assignment.Relationships;
import org.allot.core.query.Entity;
import org.allot.core.query.Query;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ExpansionTest {

    @Test
    void oneRelationshipWithAnOptionalSelect() {
        Expansion plain = Expansion.of(request("$expand", "memberof"), Entity.USER);
        Expansion selected = Expansion.of(request("$expand", "members($select=id,displayName)"), Entity.GROUP);

        assertThat(plain).isEqualTo(new Expansion("memberOf", Relationships.Expanded.MEMBER_OF, null));
        assertThat(selected.relation()).isEqualTo(Relationships.Expanded.MEMBERS);
        assertThat(selected.select()).isEqualTo(Set.of("id", "displayName"));
        assertThat(Expansion.of(request("$select", "id"), Entity.USER)).isNull();
    }

    @Test
    void pagesOfExpandedObjectsHoldAtMostAHundred() {
        Expansion expansion = Expansion.of(request("$expand", "memberOf"), Entity.USER);

        assertThat(Expansion.limit(Query.firstPage(999), expansion).top()).isEqualTo(Expansion.MAX_TOP);
        assertThat(Expansion.limit(Query.firstPage(999), null).top()).isEqualTo(999);
    }

    @Test
    void refusesWhatGraphRefuses() {
        for (String bad : new String[] {
            "members", "memberOf,transitiveMemberOf", "memberOf($top=1)", "memberOf($select=nope)", "manager"
        }) {
            assertThatThrownBy(() -> Expansion.of(request("$expand", bad), Entity.USER))
                    .as(bad)
                    .isInstanceOf(BadRequest.class);
        }
        MockHttpServletRequest counted = request("$expand", "memberOf");
        counted.addParameter("$count", "true");
        assertThatThrownBy(() -> Expansion.of(counted, Entity.USER)).isInstanceOf(BadRequest.class);
    }

    private static MockHttpServletRequest request(String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/users");
        request.addParameter(name, value);
        return request;
    }
}
