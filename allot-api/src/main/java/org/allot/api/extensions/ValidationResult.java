package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the server would answer to one row of a validate-only request, had it been sent for real in its turn: valid,
 * with the status of its request (201 created, 204 changed, 200 licenses assigned), or refused with the status and
 * Graph's error code and message the request would have had.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationResult(int index, boolean valid, int status, Refusal error) {

    /** Graph's error code and message. */
    public record Refusal(String code, String message) {}
}
