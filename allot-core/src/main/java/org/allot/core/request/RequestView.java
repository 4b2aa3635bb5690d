package org.allot.core.request;

import java.util.Objects;

/**
 * A request as shown: with, once approved, what became of its license ({@code grantStatus}: granted, waiting for a
 * seat…), read from the assignment as it stands; null for a request that was not approved.
 */
public record RequestView(LicenseRequest request, GrantStatus grantStatus) {
    public RequestView {
        Objects.requireNonNull(request, "request");
    }

    /** Plain words for people: "Pending", "Approved — waiting for a seat", "Denied: …". */
    public String summary() {
        return switch (request.state()) {
            case PENDING -> "Pending";
            case APPROVED ->
                switch (grantStatus == null ? GrantStatus.REMOVED : grantStatus) {
                    case GRANTED -> "Approved — granted";
                    case WAITING_FOR_SEAT -> "Approved — waiting for a seat";
                    case IN_ERROR -> "Approved — the license is in error";
                    case REMOVED -> "Approved — the license was removed since";
                };
            case DENIED -> "Denied" + reason();
            case EXPIRED -> "Expired" + reason();
            case CANCELLED -> "Cancelled" + reason();
        };
    }

    private String reason() {
        String why = request.decision().reason();
        return why == null || why.isBlank() ? "" : ": " + why;
    }
}
