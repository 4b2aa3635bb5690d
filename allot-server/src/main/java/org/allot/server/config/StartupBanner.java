package org.allot.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.allot.server.security.Bootstrap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where it listens and where its data is. */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {
    private final AllotProperties properties;

    StartupBanner(AllotProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        String database = properties.database().embedded()
                ? "embedded PostgreSQL, data in "
                        + properties.dataDirectory().toAbsolutePath().normalize()
                : properties.database().url();
        Path credentials = properties
                .dataDirectory()
                .resolve(Bootstrap.CREDENTIALS_FILE)
                .toAbsolutePath()
                .normalize();
        System.out.printf(
                "%nAllot is listening on http://localhost:%d%n  database: %s%n  demo tenant: %s%n%s%n",
                port,
                database,
                properties.demo().enabled() ? "Contoso (contoso.com)" : "off",
                Files.exists(credentials)
                        ? "  first-start credentials: " + credentials + " (delete it once they are kept safe)\n"
                        : "");
    }
}
