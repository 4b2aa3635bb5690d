package org.allot.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * License requests, under {@code allot.license-requests.*} (docs/delegation.md#license-requests).
 *
 * @param expiryInterval how often each server lets every tenant's overdue pending requests expire; 0 turns the step
 *     off on this server
 */
@ConfigurationProperties("allot.license-requests")
public record LicenseRequestProperties(@DefaultValue("15m") Duration expiryInterval) {}
