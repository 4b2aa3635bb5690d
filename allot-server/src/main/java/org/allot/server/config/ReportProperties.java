package org.allot.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Costs and reports, under {@code allot.reports.*} (docs/license-lifecycle.md, "Costs and reports").
 *
 * @param usageSnapshot how often each server looks for tenants whose usage snapshot of the day (UTC) is not taken
 *     yet, and takes it; 0 turns the step off on this server
 */
@ConfigurationProperties("allot.reports")
public record ReportProperties(@DefaultValue("1h") Duration usageSnapshot) {}
