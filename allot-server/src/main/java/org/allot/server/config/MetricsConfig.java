package org.allot.server.config;

import org.allot.server.security.MetricsScrapeToken;
import org.allot.server.security.store.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who reads the server's metrics ({@code /actuator/metrics}): Global Administrators signed in to the admin center, and
 * a scraper with the token {@code allot.metrics.scrape-token}. Everyone else is refused (401 without credentials, 403
 * for other roles). Its own filter chain, ahead of the admin center's.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, AllotProperties properties) throws Exception {
        http.securityMatcher(
                        "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus", "/actuator/prometheus/**")
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyAuthority(Role.GLOBAL_ADMINISTRATOR.authority(), MetricsScrapeToken.AUTHORITY))
                .addFilterBefore(new MetricsScrapeToken(properties.metrics().scrapeToken()), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
