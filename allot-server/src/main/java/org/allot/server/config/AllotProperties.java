package org.allot.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.allot.server.security.tls.PlainHttp;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Allot's settings, under {@code allot.*}.
 *
 * @param dataDirectory where the embedded database keeps its files
 * @param database an external PostgreSQL; without a URL Allot runs an embedded one in the data directory
 * @param demo whether to create the demo tenant Contoso on first start
 * @param processing how licensing splits and runs its work
 * @param tenantDefaults the settings a new tenant starts with
 * @param sync directory sync (hybrid identity)
 * @param reconciliation the scheduled license check (docs/license-check.md)
 * @param tls HTTPS (docs/deployment.md)
 * @param publicUrl the URL clients use ({@code https://allot.example.com}), named by links and the tokens' issuer;
 *     empty: the server's own address, or what a trusted proxy says (docs/security.md)
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-*} headers are honoured
 * @param secrets the master key that seals secrets at rest
 * @param signIn throttling of failed sign-ins and token requests (docs/security.md)
 * @param metrics who may read {@code /actuator/metrics} besides Global Administrators (docs/security.md)
 * @param notifications delivery of change notifications (docs/api.md#change-notifications)
 * @param cluster several nodes behind a load balancer (docs/scale-out.md)
 */
@ConfigurationProperties("allot")
public record AllotProperties(
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue Database database,
        @DefaultValue Demo demo,
        @DefaultValue Processing processing,
        @DefaultValue TenantDefaults tenantDefaults,
        @DefaultValue Api api,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Sync sync,
        @DefaultValue Reconciliation reconciliation,
        @DefaultValue Tls tls,
        String publicUrl,
        List<String> trustedProxies,
        @DefaultValue Secrets secrets,
        @DefaultValue SignIn signIn,
        @DefaultValue Metrics metrics,
        @DefaultValue Notifications notifications,
        @DefaultValue Cluster cluster) {

    /**
     * Several nodes behind a load balancer, sharing one database (docs/scale-out.md).
     *
     * @param nodes how many nodes serve the API behind the balancer: each enforces {@code allot.api.rate-limit ÷
     *     nodes}, so that an app whose requests are spread over them gets at most the limit in all
     * @param nodeName this node's name in the database's record of who ran a scheduled step; empty: host name and
     *     process id
     */
    public record Cluster(@DefaultValue("1") int nodes, String nodeName) {}

    /**
     * @param key base64 of 32 random bytes ({@code openssl rand -base64 32}) that seal secrets at rest (token-signing
     *     keys, directory passwords); the same on every server. Empty: {@code allot.sync.encryption-key} if set
     *     (deprecated), else a key generated at first start into the data directory
     */
    public record Secrets(String key) {}

    /**
     * @param url a JDBC URL such as {@code jdbc:postgresql://db:5432/allot}; empty for the embedded database
     * @param embeddedPort the embedded database's port; 0 picks a free one
     * @param connectionTimeout how long a request waits for a database connection (and a new connection for the
     *     database to accept it) before it is answered 503; also how long the database may not answer before the
     *     connections waiting on it are broken
     * @param socketTimeout the longest any single read from the database may wait (a last resort against a database
     *     that stopped answering mid-query); 0 waits forever
     */
    public record Database(
            String url,
            String username,
            String password,
            @DefaultValue("20") int poolSize,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("5s") Duration connectionTimeout,
            @DefaultValue("5m") Duration socketTimeout) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Demo(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("1") long seed) {}

    /**
     * @param inlineLimit group changes concerning at most this many users are applied within the request
     * @param chunkSize users per unit of work in a background job
     * @param fillLimit waiting users served per unit of work before the rest goes to a background job
     * @param workers background job threads per server; 0 runs no jobs on this node
     * @param pollInterval how often idle workers look for jobs
     * @param lease how long a claimed job stays with its worker without news before another may take it over
     * @param retentionSweep how often deleted users past their retention are purged (and the change log of delta
     *     queries is trimmed)
     * @param deltaRetention how long the change log of delta queries (and so a delta token) is kept at least; a tenant
     *     whose soft-delete retention is longer keeps it that long
     * @param subscriptionCalendar how often subscriptions are moved along their calendar (Enabled, Warning, Suspended,
     *     Deleted; docs/license-lifecycle.md)
     * @param pendingRemovals how often licenses held after their removal (PendingRemoval) whose grace has ended are
     *     freed and their seats given to the waiting list (docs/license-lifecycle.md)
     * @param reclaim how often each server looks for tenants whose reclaim run of the day is still to be made (each
     *     tenant is reclaimed once a day, on one server; 0: off on this server; docs/license-lifecycle.md, "Reclaim")
     * @param timeBoundGrants how often each server starts and ends the time-bound grants that are due (each grant once,
     *     on one server; 0: off on this server; docs/delegation.md)
     */
    public record Processing(
            @DefaultValue("200") int inlineLimit,
            @DefaultValue("2000") int chunkSize,
            @DefaultValue("2000") int fillLimit,
            @DefaultValue("2") int workers,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("1h") Duration retentionSweep,
            @DefaultValue("30d") Duration deltaRetention,
            @DefaultValue("15m") Duration subscriptionCalendar,
            @DefaultValue("15m") Duration pendingRemovals,
            @DefaultValue("1h") Duration reclaim,
            @DefaultValue("1m") Duration timeBoundGrants) {}

    /**
     * @param interval how often every tenant's licenses are checked from scratch; 0 turns the schedule off (runs can
     *     still be asked for)
     * @param repair whether scheduled runs repair what they find, or only report it (a dry run)
     * @param pollInterval how often a server looks for tenants whose check is due
     * @param dryRunRange users a dry run reads in one consistent read (a range of user ids holding about as many); a
     *     repair goes {@code allot.processing.chunk-size} users at a time, as it locks them
     * @param dryRunThreads ranges of a dry run a server examines at once, each on a connection of its own; 0: one per
     *     processor, at most 4
     */
    public record Reconciliation(
            @DefaultValue("24h") Duration interval,
            @DefaultValue("true") boolean repair,
            @DefaultValue("1m") Duration pollInterval,
            @DefaultValue("20000") int dryRunRange,
            @DefaultValue("0") int dryRunThreads) {

        public boolean scheduled() {
            return !interval.isZero() && !interval.isNegative();
        }
    }

    /**
     * @param tokenLifetime how long an access token is valid
     * @param rateLimit requests one app may make per {@code ratePeriod} across every node ({@code allot.cluster.nodes}
     *     share it out); 0 turns limiting off
     * @param maxRequestBytes the largest request body accepted
     */
    public record Api(
            @DefaultValue("1h") Duration tokenLifetime,
            @DefaultValue("10000") long rateLimit,
            @DefaultValue("10s") Duration ratePeriod,
            @DefaultValue("1048576") long maxRequestBytes) {}

    /**
     * What the first start creates when the database is empty: a tenant (unless the demo creates Contoso), its first
     * administrator and its first API app. Blank credentials are generated and printed once.
     */
    public record Bootstrap(
            @DefaultValue("My Organization") String tenantName,
            @DefaultValue("example.com") String domain,
            String adminPassword,
            String clientId,
            String clientSecret) {}

    public record TenantDefaults(
            @DefaultValue("US") String defaultUsageLocation,
            @DefaultValue("BLOCK") String guestLicensing,
            @DefaultValue("true") boolean nestedGroupLicensing,
            @DefaultValue("30") int softDeleteRetentionDays,
            @DefaultValue("500") int syncDeleteThreshold) {}

    /**
     * @param encryptionKey deprecated: {@code allot.secrets.key} under its older name (base64 of 16, 24 or 32 bytes)
     * @param interval how often a tenant's directory is synced
     * @param pollInterval how often a server looks for syncs that are due or asked for
     * @param scheduled whether this server runs scheduled and requested syncs
     * @param pageSize entries per page of a directory search, and objects per unit of work
     * @param fullSyncEvery a sync reads the whole directory again once its last full read is older than this
     * @param connectTimeout how long to wait for the directory to accept a connection
     * @param responseTimeout how long to wait for the directory to answer one request (a bind, a page of a search):
     *     a stalled server ends the run FAILED after this
     */
    public record Sync(
            String encryptionKey,
            @DefaultValue("30m") Duration interval,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("true") boolean scheduled,
            @DefaultValue("500") int pageSize,
            @DefaultValue("24h") Duration fullSyncEvery,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration responseTimeout) {}

    /**
     * @param enabled whether the server's port speaks HTTPS (8443 unless {@code server.port} says otherwise); false:
     *     plain HTTP only (8080), for a reverse proxy that ends TLS
     * @param certificate a PEM file with the server's certificate, then the authorities that issued it; without one,
     *     a self-signed certificate is generated into {@code <data-directory>/tls} at first start and used again
     * @param privateKey a PEM file with the certificate's private key (PKCS#8, PKCS#1 or SEC 1)
     * @param privateKeyPassword the password of an encrypted PKCS#8 private key
     * @param hostnames further host names and IP addresses the generated certificate is for, besides localhost,
     *     127.0.0.1, ::1 and this machine's host name
     * @param http what a plain HTTP listener beside HTTPS does: off (none), redirect (to HTTPS), serve (on 127.0.0.1,
     *     for a reverse proxy on the same machine)
     * @param httpPort that listener's port (0: a free one)
     */
    public record Tls(
            @DefaultValue("true") boolean enabled,
            Path certificate,
            Path privateKey,
            String privateKeyPassword,
            @DefaultValue List<String> hostnames,
            @DefaultValue("off") PlainHttp http,
            @DefaultValue("8080") int httpPort) {}

    /**
     * Progressive delays after failed sign-ins to the admin center and failed token requests, counted in the database
     * all servers share (docs/security.md). After a key's free failures its next attempt waits {@code firstDelay}, then
     * twice as long after each further failure, at most {@code maxDelay}.
     *
     * @param perAccountAndAddress free failures of one account (sign-in name or client id) from one address
     * @param perAccount free failures of one account from any address; then addresses that failed for it wait (its
     *     owner from an address without failures does not)
     * @param perAddress free failures from one address for any accounts
     * @param firstDelay the wait after a key's free failures
     * @param maxDelay the longest wait
     * @param forgetAfter failures are forgotten this long after the last one
     */
    public record SignIn(
            @DefaultValue("3") int perAccountAndAddress,
            @DefaultValue("10") int perAccount,
            @DefaultValue("20") int perAddress,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("15m") Duration maxDelay,
            @DefaultValue("1h") Duration forgetAfter) {}

    /**
     * @param scrapeToken a long random secret (at least 32 characters) a metrics scraper sends as {@code Authorization:
     *     Bearer <token>} to read {@code /actuator/metrics}; empty: only Global Administrators' admin center sessions
     *     read metrics
     */
    public record Metrics(String scrapeToken) {}

    /**
     * @param workers delivery threads per server; 0: this server delivers nothing (others sharing the database may)
     * @param pollInterval how often idle delivery threads look for due notifications
     * @param timeout how long an endpoint has to answer the validation handshake or a notification (Graph: 10 s)
     * @param firstRetry the pause after a first failed delivery; it doubles with each further failure
     * @param maxBackoff the longest pause between two attempts
     * @param retryFor how long a notification is retried before it is given up (Graph: 4 hours)
     * @param removeAfter how long a notification URL may fail without a success before its subscription is removed
     * @param lease how long a claimed notification stays with its deliverer (must exceed {@code timeout})
     * @param batch notifications claimed at once by a thread
     * @param maxSubscriptions unexpired subscriptions a tenant may hold
     * @param keepFor how long delivered, failed and dropped notifications stay listed
     * @param trustedCertificates PEM files of certificates trusted for notification URLs besides the JDK's authorities
     * @param reauthorizeBefore how long before a subscription expires its lifecycle URL is sent
     *     {@code reauthorizationRequired}
     */
    public record Notifications(
            @DefaultValue("2") int workers,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("5s") Duration firstRetry,
            @DefaultValue("15m") Duration maxBackoff,
            @DefaultValue("4h") Duration retryFor,
            @DefaultValue("24h") Duration removeAfter,
            @DefaultValue("1m") Duration lease,
            @DefaultValue("100") int batch,
            @DefaultValue("1000") int maxSubscriptions,
            @DefaultValue("7d") Duration keepFor,
            @DefaultValue List<Path> trustedCertificates,
            @DefaultValue("1h") Duration reauthorizeBefore) {}
}
