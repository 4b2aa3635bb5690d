package org.allot.api.extensions;

import java.util.List;
import org.allot.api.graph.UserResource;

/**
 * Rows of users to check without applying them ({@code POST /allot/v1/users/validate}): a row without {@code id}
 * creates {@code user} as {@code POST /v1.0/users} would; a row with the {@code id} (or user principal name) of an existing user changes it as
 * {@code PATCH /v1.0/users/{id}} would.
 */
public record UserChangesRequest(List<Row> value) {

    public record Row(String id, UserResource user) {}
}
