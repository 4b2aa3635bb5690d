package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * What the seats of one product, department or source cost per month in one currency ({@code
 * /allot/v1/reports/costs?by=sku|department|group}). Amounts are never converted between currencies.
 *
 * @param id the product's SKU id, the group's id, {@code direct}, {@code unassigned}, or the department's name
 * @param name the product's part number, or the group's or department's name; {@code (direct)}, {@code (no
 *     department)} and {@code (seats nobody holds)} name the rest
 * @param currency ISO 4217; null for seats without a price, whose {@code monthlyAmount} is null
 */
@JsonPropertyOrder({"id", "name", "currency", "seats", "monthlyAmount"})
public record CostTotal(String id, String name, String currency, int seats, BigDecimal monthlyAmount) {}
