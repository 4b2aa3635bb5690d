package org.allot.server.config;

import org.allot.server.web.PublicUrl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where it listens and where its data is. */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {
    private final AllotProperties properties;
    private final PublicUrl publicUrl;

    StartupBanner(AllotProperties properties, PublicUrl publicUrl) {
        this.properties = properties;
        this.publicUrl = publicUrl;
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
        System.out.printf(
                "%nAllot is listening on http://localhost:%d%n  public URL: %s%s%n  database: %s%n  demo tenant: %s%n%n",
                port,
                publicUrl.base(),
                properties.publicUrl() == null || properties.publicUrl().isBlank()
                        ? " (the server's own address; set allot.public-url to the URL clients use)"
                        : "",
                database,
                properties.demo().enabled() ? "Contoso (contoso.com)" : "off");
    }
}
