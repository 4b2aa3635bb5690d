package org.allot.api.extensions;

/**
 * Asks for a run of the license check ({@code POST /allot/v1/reconciliation}).
 *
 * @param dryRun {@code true} (or absent) only reports what differs; {@code false} also repairs it
 */
public record LicenseCheckRequest(Boolean dryRun) {}
