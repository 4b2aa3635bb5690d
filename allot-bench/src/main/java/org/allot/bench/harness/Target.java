package org.allot.bench.harness;

import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What a scenario runs against: the API, the harness's connection to the same database, the tenant of the app, and
 * the server process when the harness started it (absent with {@code --url}).
 */
public final class Target implements AutoCloseable {
    private final Api api;
    private final Database db;
    private final ServerProcess server;
    private final UUID tenant;
    private final String domain;

    public Target(Api api, Database db, ServerProcess server) {
        this.api = api;
        this.db = db;
        this.server = server;
        JsonNode organization = api.get("/v1.0/organization")
                .orFail("GET /organization")
                .body()
                .path("value")
                .get(0);
        this.tenant = UUID.fromString(organization.path("id").asString());
        JsonNode domains = organization.path("verifiedDomains");
        this.domain = domains.isArray() && !domains.isEmpty()
                ? domains.get(0).path("name").asString()
                : "bench.example";
    }

    public Api api() {
        return api;
    }

    public Database db() {
        return db;
    }

    public Optional<ServerProcess> server() {
        return Optional.ofNullable(server);
    }

    public UUID tenant() {
        return tenant;
    }

    public String domain() {
        return domain;
    }

    @Override
    public void close() {
        db.close();
        if (server != null) {
            server.close();
        }
    }
}
