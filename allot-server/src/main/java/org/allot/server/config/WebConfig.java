package org.allot.server.config;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.notification.ChangeNotifications;
import org.allot.core.reclaim.UserActivities;
import org.allot.server.http.DatabaseOutages;
import org.allot.server.http.GraphErrorBodies;
import org.allot.server.http.PublicUrl;
import org.allot.server.http.RequestIds;
import org.allot.server.persistence.JdbcActivitySignals;
import org.allot.server.persistence.JdbcAdminAccounts;
import org.allot.server.persistence.JdbcAppRegistrations;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiTokens;
import org.allot.server.security.AppCertificates;
import org.allot.server.security.AppRegistrations;
import org.allot.server.security.Bootstrap;
import org.allot.server.web.ApiErrorPages;
import org.allot.server.web.CallerArguments;
import org.allot.server.web.GraphErrorReportValve;
import org.allot.server.web.RequestSizeLimit;
import org.allot.server.web.RequestText;
import org.allot.server.web.StrictJson;
import org.allot.server.web.graph.DeltaResources;
import org.allot.server.web.graph.Responses;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web layer's parts: request ids, size limits and text checks, strict request bodies, Graph's error bodies (also
 * for the container's and Tomcat's own errors) and views, queries, first start.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArguments());
    }

    /**
     * Requests are mapped to controllers passing over the mappings whose paths cannot match at once; the API's JSON
     * bodies are read directly.
     */
    @Bean
    WebMvcRegistrations prefixedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixedHandlerMapping();
            }

            /** The API's JSON bodies read without Spring's converter machinery ({@code JsonBodies}). */
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new ApiBodyHandlerAdapter();
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(AllotProperties properties, GraphErrorBodies errors) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.api().maxRequestBytes(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Query strings and forms that are not UTF-8 or hold text that cannot be stored are refused first. */
    @Bean
    FilterRegistrationBean<RequestText> requestText(GraphErrorBodies errors) {
        FilterRegistrationBean<RequestText> registration = new FilterRegistrationBean<>(new RequestText(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Outside the security filters, which reach the database to sign in and to issue tokens. */
    @Bean
    FilterRegistrationBean<DatabaseOutages> databaseOutages(GraphErrorBodies errors, ITemplateEngine templates) {
        FilterRegistrationBean<DatabaseOutages> registration =
                new FilterRegistrationBean<>(new DatabaseOutages(errors, templates));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Errors the container answers for API requests (a URL the firewall refused, say) get Graph's body. */
    @Bean
    FilterRegistrationBean<ApiErrorPages> apiErrorPages(GraphErrorBodies errors) {
        FilterRegistrationBean<ApiErrorPages> registration = new FilterRegistrationBean<>(new ApiErrorPages(errors));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** So do the requests Tomcat refuses before any filter sees them (runs after Spring Boot's own customizer). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> graphErrorReports(GraphErrorBodies errors) {
        return factory -> factory.addContextCustomizers(context -> GraphErrorReportValve.install(context, errors));
    }

    /** Request bodies are read strictly: no number or boolean is coerced from text, a float or null. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictRequestBodies(JsonMapper json) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(StrictJson.of(json));
        return converters -> converters.withJsonConverter(converter);
    }

    @Bean
    GraphErrorBodies graphErrorBodies(JsonMapper json, Clock clock) {
        return new GraphErrorBodies(json, clock);
    }

    @Bean
    Responses responses(JsonMapper json, PublicUrl publicUrl) {
        return new Responses(json, publicUrl);
    }

    @Bean
    DeltaResources deltaResources(JsonMapper json, Responses responses) {
        return new DeltaResources(json, responses);
    }

    @Bean
    UserLicensing userLicensing(Licensing licensing) {
        return licensing.users();
    }

    @Bean
    UserActivities userActivities(UnitOfWork work, JdbcActivitySignals signals) {
        return new UserActivities(work, signals);
    }

    @Bean
    GroupLicensing groupLicensing(Licensing licensing) {
        return licensing.groups();
    }

    @Bean
    AppRegistrations appRegistrations(
            UnitOfWork work,
            JdbcAppRegistrations store,
            PasswordEncoder passwords,
            JdbcAuditLog audit,
            ApiTokens tokens,
            ChangeNotifications notifications,
            Clock clock) {
        return new AppRegistrations(work, store, passwords, audit, tokens, notifications, clock);
    }

    @Bean
    org.allot.server.security.UnitRoleHolders unitRoleHolders(
            UnitOfWork work,
            org.allot.core.unit.UnitDelegation delegation,
            JdbcAppRegistrations apps,
            org.allot.server.persistence.JdbcAdminAccounts admins,
            ApiTokens tokens) {
        return new org.allot.server.security.UnitRoleHolders(work, delegation, apps, admins, tokens);
    }

    @Bean
    AppCertificates appCertificates(
            UnitOfWork work,
            AppRegistrations apps,
            JdbcAppRegistrations store,
            JdbcAuditLog audit,
            ApiTokens tokens,
            Clock clock) {
        return new AppCertificates(work, apps, store, audit, tokens, clock);
    }

    @Bean
    Bootstrap bootstrap(
            JdbcTenants tenants,
            TenantDirectory tenantDirectory,
            JdbcAdminAccounts admins,
            JdbcAppRegistrations appStore,
            AppRegistrations apps,
            PasswordEncoder passwords,
            UnitOfWork work,
            Clock clock) {
        return new Bootstrap(tenants, tenantDirectory, admins, appStore, apps, passwords, work, clock);
    }

    /**
     * After the demo tenant, if any: the first administrator and API app, printed once and written once to an
     * owner-only file in the data directory.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @SuppressForbidden("the first credentials are shown once on the console, never in the log")
    ApplicationRunner firstStart(Bootstrap bootstrap, AllotProperties properties) {
        AllotProperties.Bootstrap b = properties.bootstrap();
        return args -> bootstrap
                .run(
                        new Bootstrap.Settings(
                                b.tenantName(),
                                b.domain(),
                                properties.tenantDefaults().defaultUsageLocation(),
                                b.adminPassword(),
                                b.clientId(),
                                b.clientSecret()),
                        properties.dataDirectory())
                .ifPresent(System.out::println);
    }
}
