package org.allot.api.extensions;

/**
 * A tenant's lifecycle periods in days (docs/license-lifecycle.md): how long an expired subscription stays in
 * {@code Warning} (30 by default), then in {@code Suspended} (90), and how long seats lowered below use are left as an
 * overage before group-derived seats are taken back (30). Each is 0 to 3650; a PATCH changes only what it sends.
 */
public record LifecycleSettingsResource(Integer warningDays, Integer suspendedDays, Integer overageGraceDays) {}
