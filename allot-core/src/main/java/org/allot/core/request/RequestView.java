package org.allot.core.request;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A request as shown: with, once approved, what became of its license ({@code grantStatus}: granted, waiting for a
 * seat…), read from the assignment as it stands; null for a request that was not approved.
 */
public record RequestView(LicenseRequest request, GrantStatus grantStatus) {
    public RequestView {
        Objects.requireNonNull(request, "request");
    }

    /** Plain words for people: "Pending", "Approved — waiting for a seat", "Approved — scheduled to start on …". */
    public String summary() {
        return switch (request.state()) {
            case PENDING -> "Pending";
            case APPROVED ->
                switch (grantStatus == null ? GrantStatus.REMOVED : grantStatus) {
                    case GRANTED -> "Approved — granted";
                    case WAITING_FOR_SEAT -> "Approved — waiting for a seat";
                    case SCHEDULED -> "Approved — scheduled to start on " + startDay();
                    case IN_ERROR -> "Approved — the license is in error";
                    case REMOVED -> "Approved — the license was removed since";
                };
            case DENIED -> "Denied" + reason();
            case EXPIRED -> "Expired" + reason();
            case CANCELLED -> "Cancelled" + reason();
        };
    }

    /** The day (UTC) the approved grant starts. */
    private String startDay() {
        return DateTimeFormatter.ISO_LOCAL_DATE
                .withZone(ZoneOffset.UTC)
                .format(request.decision().grant().start());
    }

    private String reason() {
        String why = request.decision().reason();
        return why == null || why.isBlank() ? "" : ": " + why;
    }
}
