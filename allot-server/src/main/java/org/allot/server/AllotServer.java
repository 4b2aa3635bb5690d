package org.allot.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Allot: storage, background licensing, and (as they land) the REST API, admin center and sync. */
@SpringBootApplication
@ConfigurationPropertiesScan("org.allot.server.config")
public class AllotServer {
    public static void main(String[] args) {
        SpringApplication.run(AllotServer.class, args);
    }
}
