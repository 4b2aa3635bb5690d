package org.allot.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.allot.core.notification.ChangeNotifications;
import org.allot.core.notification.NotificationDelivery;
import org.allot.core.notification.NotificationRelay;
import org.allot.core.notification.NotificationSettings;
import org.allot.server.persistence.JdbcChangeSubscriptions;
import org.allot.server.persistence.JdbcDirectoryChanges;
import org.allot.server.persistence.JdbcNotificationOutbox;
import org.allot.server.persistence.JdbcRelayPositions;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.processing.ClusterSchedule;
import org.allot.server.processing.HttpWebhookEndpoints;
import org.allot.server.processing.NotificationWorker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change notifications: subscriptions, the relay from the directory's change log, the outbox, the subscribers'
 * endpoints and the delivery workers.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsConfig implements SchedulingConfigurer {
    private final ClusterSchedule schedule;
    private final AllotProperties properties;
    private final NotificationDelivery delivery;

    NotificationsConfig(AllotProperties properties, NotificationDelivery delivery, ClusterSchedule schedule) {
        this.schedule = schedule;
        this.properties = properties;
        this.delivery = delivery;
    }

    @Bean
    static JdbcChangeSubscriptions changeSubscriptions(JdbcClient jdbc) {
        return new JdbcChangeSubscriptions(jdbc);
    }

    @Bean
    static JdbcNotificationOutbox notificationOutbox(JdbcClient jdbc) {
        return new JdbcNotificationOutbox(jdbc);
    }

    @Bean
    static JdbcRelayPositions relayPositions(JdbcClient jdbc) {
        return new JdbcRelayPositions(jdbc);
    }

    @Bean
    static NotificationSettings notificationSettings(AllotProperties properties) {
        AllotProperties.Notifications n = properties.notifications();
        return new NotificationSettings(
                n.firstRetry(),
                n.maxBackoff(),
                n.retryFor(),
                n.removeAfter(),
                n.lease(),
                n.batch(),
                n.maxSubscriptions(),
                n.reauthorizeBefore());
    }

    @Bean
    static HttpWebhookEndpoints webhookEndpoints(AllotProperties properties, JsonMapper json) {
        AllotProperties.Notifications n = properties.notifications();
        return new HttpWebhookEndpoints(tls(n.trustedCertificates()), json, n.timeout());
    }

    @Bean
    static ChangeNotifications changeNotifications(
            UnitOfWork work,
            JdbcChangeSubscriptions subscriptions,
            JdbcNotificationOutbox outbox,
            JdbcRelayPositions positions,
            HttpWebhookEndpoints endpoints,
            NotificationSettings settings,
            Clock clock) {
        return new ChangeNotifications(work, subscriptions, outbox, positions, endpoints, settings, clock);
    }

    @Bean
    static NotificationRelay notificationRelay(
            UnitOfWork work,
            JdbcDirectoryChanges changes,
            JdbcRelayPositions positions,
            JdbcChangeSubscriptions subscriptions,
            JdbcNotificationOutbox outbox,
            Clock clock) {
        return new NotificationRelay(work, changes, positions, subscriptions, outbox, clock);
    }

    @Bean
    static NotificationDelivery notificationDelivery(
            UnitOfWork work,
            JdbcChangeSubscriptions subscriptions,
            JdbcNotificationOutbox outbox,
            HttpWebhookEndpoints endpoints,
            NotificationSettings settings,
            Clock clock) {
        return new NotificationDelivery(work, subscriptions, outbox, endpoints, settings, clock);
    }

    @Bean
    static NotificationWorker notificationWorker(
            NotificationRelay relay, NotificationDelivery delivery, AllotProperties properties) {
        AllotProperties.Notifications n = properties.notifications();
        return new NotificationWorker(relay, delivery, n.workers(), n.pollInterval());
    }

    /** Forgets finished notifications and ended subscriptions older than {@code allot.notifications.keep-for}, hourly. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                schedule.once(
                        "notification-tidy",
                        java.time.Duration.ofHours(1),
                        () -> delivery.tidy(properties.notifications().keepFor())),
                java.time.Duration.ofHours(1));
    }

    /** TLS trusting the JDK's authorities and the certificates of the configured PEM files. */
    static SSLContext tls(List<Path> trusted) {
        try {
            List<TrustManager> managers = new ArrayList<>();
            managers.add(trustManager(null));
            if (!trusted.isEmpty()) {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                int i = 0;
                for (Path pem : trusted) {
                    for (Certificate c : read(pem)) {
                        anchors.setCertificateEntry("trusted-" + i++, c);
                    }
                }
                managers.add(trustManager(anchors));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrust(managers)}, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509TrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    private static List<? extends Certificate> read(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    /** Trusts a server that any of the managers trusts. */
    private record EitherTrust(List<TrustManager> managers) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates are trusted");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (TrustManager manager : managers) {
                try {
                    ((X509TrustManager) manager).checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last == null ? new CertificateException("not trusted") : last;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream()
                    .flatMap(m -> java.util.Arrays.stream(((X509TrustManager) m).getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
