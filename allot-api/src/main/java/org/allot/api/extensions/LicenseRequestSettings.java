package org.allot.api.extensions;

/**
 * A tenant's license request settings ({@code /allot/v1/settings/licenseRequests}).
 *
 * @param expireAfterDays days a pending request waits before it expires, 1 to 365 (default 14)
 */
public record LicenseRequestSettings(Integer expireAfterDays) {}
