package org.allot.server.config;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.allot.server.http.PublicUrl;
import org.allot.server.http.TrustedProxies;
import org.allot.server.persistence.JdbcAppRegistrations;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcSigningKeys;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiTokens;
import org.allot.server.security.IssuerAndAudience;
import org.allot.server.security.MasterKey;
import org.allot.server.security.SealedSigningKeys;
import org.allot.server.security.SecretsKeyCheck;
import org.allot.server.security.SigningKeys;
import org.allot.server.security.VerifiedTokens;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens and the secrets behind them: the master key that seals secrets (checked against the database before
 * anything is sealed), the signing keys, how tokens are signed and checked, and the public URL tokens and links name
 * (with the reverse proxies trusted to say what it is).
 */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

    /** The master key, once the database says it is the key its secrets were sealed with. */
    @Bean
    MasterKey masterKey(AllotProperties properties, JdbcClient jdbc, Clock clock) {
        MasterKey key = MasterKey.resolve(
                properties.secrets().key(), properties.sync().encryptionKey(), properties.dataDirectory());
        SecretsKeyCheck.verify(jdbc, key, clock.instant());
        return key;
    }

    @Bean
    SealedSigningKeys signingKeyStore(JdbcClient jdbc, MasterKey key) {
        return new SealedSigningKeys(new JdbcSigningKeys(jdbc), key);
    }

    @Bean
    SigningKeys signingKeys(
            SealedSigningKeys store, UnitOfWork work, JdbcAuditLog audit, Clock clock, AllotProperties properties) {
        SigningKeys keys =
                new SigningKeys(store, work, audit, clock, properties.api().tokenLifetime());
        keys.prepare();
        return keys;
    }

    /** Signs with the one key that signs now, named in the token's {@code kid}. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::signingKey);
        return encoder;
    }

    /**
     * Checks a token's signature with the public keys {@link SigningKeys} read (once per reading, not per request),
     * once per token ({@link VerifiedTokens}); its lifetime, issuer and audience at every request.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, PublicUrl publicUrl, Clock clock) {
        NimbusJwtDecoder signatures = NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(keys))
                .build();
        signatures.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(
                signatures,
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), new IssuerAndAudience(publicUrl)),
                keys::verifies,
                clock);
    }

    @Bean
    ApiTokens apiTokens(JdbcAppRegistrations apps, org.allot.core.unit.UnitDelegation delegation, Clock clock) {
        return new ApiTokens(apps, delegation, clock);
    }

    @Bean
    PublicUrl publicUrl(AllotProperties properties) {
        return PublicUrl.of(properties.publicUrl());
    }

    /** Without {@code allot.public-url}, the address the server listens on is the public one. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> ownAddress(PublicUrl publicUrl) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return;
            }
            String scheme = "http";
            if (event.getWebServer() instanceof TomcatWebServer tomcat) {
                Connector connector = tomcat.getTomcat().getConnector();
                scheme = connector.getScheme();
            }
            publicUrl.listening(scheme, event.getWebServer().getPort());
        };
    }

    /** Before anything reads the client's address or the request's URL. */
    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxies(AllotProperties properties) {
        FilterRegistrationBean<TrustedProxies> registration =
                new FilterRegistrationBean<>(TrustedProxies.of(properties.trustedProxies()));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
