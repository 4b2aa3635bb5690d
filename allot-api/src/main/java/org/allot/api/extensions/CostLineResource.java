package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * Seats of one product charged to one department and one source in one currency ({@code
 * /allot/v1/reports/costs?by=line}): each seat is charged once, to the source that has held it longest.
 *
 * @param source {@code direct}, {@code group}, or {@code unassigned} for seats bought that nobody holds
 * @param assignedByGroup the group's id for a group source, else null
 * @param currency ISO 4217; null for seats without a price, whose {@code monthlyAmount} is null
 */
@JsonPropertyOrder({
    "skuId",
    "skuPartNumber",
    "department",
    "source",
    "assignedByGroup",
    "groupName",
    "currency",
    "seats",
    "monthlyAmount"
})
public record CostLineResource(
        String skuId,
        String skuPartNumber,
        String department,
        String source,
        String assignedByGroup,
        String groupName,
        String currency,
        int seats,
        BigDecimal monthlyAmount) {}
