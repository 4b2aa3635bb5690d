package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A direct license for a time: {@code skuId} (or the part number), the plans switched off, a start (absent: now) and
 * an end (absent: none; a grant that starts now needs one).
 */
public record TimedLicenseRequest(
        String skuId, List<String> disabledPlans, OffsetDateTime startDateTime, OffsetDateTime endDateTime) {}
