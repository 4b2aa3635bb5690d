package org.allot.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts, under {@code allot.alerts.*} (docs/alerts.md).
 *
 * @param interval how often each server evaluates every tenant's alert rules (raising what started, resolving what
 *     ended); 0 turns the step off on this server
 */
@ConfigurationProperties("allot.alerts")
public record AlertProperties(@DefaultValue("5m") Duration interval) {}
