package org.allot.server.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allot.core.query.Entity;
import org.junit.jupiter.api.Test;

/** Every property the core lets a filter or an ordering name has a column to read, and nothing else has one. */
class ColumnTest {

    @Test
    void everyPropertyOfUsersGroupsAndAuditRecordsHasAColumn() {
        Map<String, Entity> byAlias = Map.of("u", Entity.USER, "g", Entity.GROUP, "a", Entity.AUDIT);
        byAlias.forEach((alias, entity) -> entity.properties()
                .values()
                .forEach(p -> assertThat(Column.of(alias, p).sql()).isNotBlank()));
    }
}
