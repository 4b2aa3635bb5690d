package org.allot.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
    private final Function<String, ServerProcess> more;
    private final List<ServerProcess> others = new ArrayList<>();

    public Target(Api api, Database db, ServerProcess server) {
        this(api, db, server, null);
    }

    /** With {@code more}, which starts another server on the same database (given a name for its log). */
    public Target(Api api, Database db, ServerProcess server, Function<String, ServerProcess> more) {
        this.api = api;
        this.db = db;
        this.server = server;
        this.more = more;
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

    /**
     * The API of another server process sharing this one's database, started now and stopped with this target;
     * empty when the harness targets a running server ({@code --url}).
     */
    public Optional<Api> anotherServer(String name) {
        return anotherProcess(name).map(other -> api.on(other.url()));
    }

    /**
     * Another server process sharing this one's database, started now and stopped with this target; empty when the
     * harness targets a running server ({@code --url}).
     */
    public Optional<ServerProcess> anotherProcess(String name) {
        if (more == null) {
            return Optional.empty();
        }
        ServerProcess other = more.apply(name);
        others.add(other);
        return Optional.of(other);
    }

    @Override
    public void close() {
        others.forEach(ServerProcess::close);
        db.close();
        if (server != null) {
            server.close();
        }
    }
}
