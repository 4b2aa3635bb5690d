package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
public record ODataError(Body error) {

    public record Body(String code, String message, InnerError innerError) {}

    public record InnerError(
            String date,
            @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {}

    public static ODataError of(String code, String message, String date, String requestId, String clientRequestId) {
        return new ODataError(new Body(code, message, new InnerError(date, requestId, clientRequestId)));
    }
}
