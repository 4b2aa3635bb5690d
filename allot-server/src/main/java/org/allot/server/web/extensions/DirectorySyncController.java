package org.allot.server.web.extensions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import org.allot.api.extensions.DirectorySyncConnector;
import org.allot.core.ErrorCode;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.sync.Connector;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunId;
import org.allot.server.security.ApiCaller;
import org.allot.server.web.graph.BadRequest;
import org.allot.server.web.graph.Refused;
import org.allot.server.web.graph.RequestBodies;
import org.allot.server.web.graph.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Directory sync (hybrid identity): the tenant's connector, connection tests, previews of connector changes, runs on
 * demand, the record of runs with their errors, and confirming the deletions a blocked run held back. The sync service runs its own units of
 * work, so nothing here opens one.
 */
@RestController
@RequestMapping(path = "/allot/v1/directorySync", produces = "application/json")
public class DirectorySyncController {
    static final int MAX_RUNS = 999;
    /** As many as a run keeps. */
    static final int MAX_ITEMS = 10_000;
    /** Pages of what a blocked run holds back. */
    static final int MAX_HELD = 100_000;

    private final DirectorySync sync;
    private final Responses responses;

    public DirectorySyncController(DirectorySync sync, Responses responses) {
        this.sync = sync;
        this.responses = responses;
    }

    @GetMapping("/connector")
    public ObjectNode connector(ApiCaller caller, HttpServletRequest request) {
        Connector connector = sync.connector(caller.tenant()).orElseThrow(() -> new Refused(noConnector()));
        return responses.entity(request, "directorySync/connector/$entity", SyncViews.connector(connector));
    }

    /** Creates or replaces the connector; the password is write-only (absent or null keeps the stored one). */
    @PutMapping("/connector")
    public ObjectNode configure(
            ApiCaller caller,
            @Schema(implementation = DirectorySyncConnector.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        Connector saved = Refused.orRefuse(sync.configure(caller.caller(), ConnectorBodies.connector(body)));
        return responses.entity(request, "directorySync/connector/$entity", SyncViews.connector(saved));
    }

    /** Tests the stored connector, or the settings in the body before they are saved. A failed test is a 200. */
    @PostMapping("/connector/testConnection")
    public ObjectNode testConnection(
            ApiCaller caller,
            @Schema(implementation = DirectorySyncConnector.class) @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        var report = Refused.orRefuse(
                body == null
                        ? sync.testConnection(caller.caller())
                        : sync.testConnection(caller.caller(), ConnectorBodies.connector(body)));
        return responses.entity(request, "directorySync/connectionTest/$entity", SyncViews.report(report));
    }

    /**
     * A preview of a connector change: a dry run of the next sync with the settings in the body (as a PUT sends them),
     * not saved. Answers the run, in state {@code PREVIEW}: what it would add and update ({@code plannedChanges}), delete
     * ({@code pendingDeletions}), which memberships of licensed groups it would remove ({@code pendingRemovals}) and
     * which licenses users would lose ({@code licenseLosses}). Nothing is applied.
     */
    @PostMapping("/connector/preview")
    public ObjectNode preview(
            ApiCaller caller,
            @Schema(implementation = DirectorySyncConnector.class) @RequestBody JsonNode body,
            HttpServletRequest request) {
        return runEntity(request, Refused.orRefuse(sync.preview(caller.caller(), ConnectorBodies.connector(body))));
    }

    /**
     * Asks for a run (202 with the request: the next server free to run it does) or, with {@code ?wait=true}, runs
     * it in this request and answers the run once it ended. {@code {"full": true}} reads the whole directory.
     */
    @PostMapping("/runs")
    public ObjectNode start(
            ApiCaller caller,
            @RequestParam(name = "wait", defaultValue = "false") boolean wait,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean full = ConnectorBodies.full(body);
        if (wait) {
            SyncRun run = Refused.orRefuse(sync.runNow(caller.caller(), full));
            return runEntity(request, run);
        }
        Connector connector = Refused.orRefuse(sync.requestRun(caller.caller(), full));
        response.setStatus(HttpStatus.ACCEPTED.value());
        response.setHeader("Location", "/allot/v1/directorySync/runs");
        return responses.entity(
                request, "directorySync/requestedRun/$entity", SyncViews.request(connector.requestedRun()));
    }

    /** The latest runs, newest first. */
    @GetMapping("/runs")
    public ObjectNode runs(
            ApiCaller caller, @RequestParam(name = "$top", defaultValue = "20") int top, HttpServletRequest request) {
        return responses.list(
                request,
                "directorySync/runs",
                sync.runs(caller.tenant(), top(top, MAX_RUNS)).stream()
                        .map(SyncViews::run)
                        .toList());
    }

    @GetMapping("/runs/{id}")
    public ObjectNode run(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return runEntity(request, find(caller, id));
    }

    /** The objects the run could not bring over, in the order it met them. */
    @GetMapping("/runs/{id}/errors")
    public ObjectNode errors(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        return items(caller, id, "errors", top, MAX_ITEMS, sync::errors, SyncViews::error, request);
    }

    /** What a blocked run would delete once confirmed, or a dry run would delete. */
    @GetMapping("/runs/{id}/pendingDeletions")
    public ObjectNode pendingDeletions(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        return items(
                caller, id, "pendingDeletions", top, MAX_ITEMS, sync::pendingDeletions, SyncViews::deletion, request);
    }

    /** The memberships of licensed groups a blocked run would remove once confirmed; every one a dry run would. */
    @GetMapping("/runs/{id}/pendingRemovals")
    public ObjectNode pendingRemovals(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        return items(caller, id, "pendingRemovals", top, MAX_HELD, sync::pendingRemovals, SyncViews::removal, request);
    }

    /** Which users would lose which licenses if a blocked run were confirmed, or a dry run applied. */
    @GetMapping("/runs/{id}/licenseLosses")
    public ObjectNode licenseLosses(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        return items(caller, id, "licenseLosses", top, MAX_HELD, sync::licenseLosses, SyncViews::loss, request);
    }

    /** What a dry run (a preview, or a run in staging mode) would add, update or restore. */
    @GetMapping("/runs/{id}/plannedChanges")
    public ObjectNode plannedChanges(
            ApiCaller caller,
            @PathVariable String id,
            @RequestParam(name = "$top", defaultValue = "100") int top,
            HttpServletRequest request) {
        return items(caller, id, "plannedChanges", top, MAX_HELD, sync::plannedChanges, SyncViews::change, request);
    }

    /**
     * Carries out what a blocked run held back (deletions, and removals of licensed groups' memberships); answers the
     * run, now CONFIRMED.
     */
    @PostMapping("/runs/{id}/confirm")
    public ObjectNode confirm(ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        SyncRun run = find(caller, id);
        return runEntity(request, Refused.orRefuse(sync.confirm(caller.caller(), run.id())));
    }

    private ObjectNode runEntity(HttpServletRequest request, SyncRun run) {
        return responses.entity(request, "directorySync/runs/$entity", SyncViews.run(run));
    }

    /** Reads the first {@code top} (at most {@code max}) items of one of a run's lists and answers them as a collection. */
    private <T> ObjectNode items(
            ApiCaller caller,
            String id,
            String segment,
            int top,
            int max,
            RunItems<T> items,
            Function<T, ?> view,
            HttpServletRequest request) {
        SyncRun run = find(caller, id);
        return responses.list(
                request,
                "directorySync/runs('" + run.id() + "')/" + segment,
                items.read(caller.tenant(), run.id(), top(top, max)).stream()
                        .map(view)
                        .toList());
    }

    /** One of a run's lists in {@link DirectorySync}: errors, pending deletions and removals, license losses. */
    @FunctionalInterface
    private interface RunItems<T> {
        List<T> read(TenantId tenant, SyncRunId run, int top);
    }

    private SyncRun find(ApiCaller caller, String id) {
        return RequestBodies.uuid(id)
                .map(SyncRunId::new)
                .flatMap(run -> sync.run(caller.tenant(), run))
                .orElseThrow(() -> new Refused(Rejection.notFound(id)));
    }

    private static int top(int top, int max) {
        if (top < 1 || top > max) {
            throw new BadRequest("$top must be between 1 and " + max + ".");
        }
        return top;
    }

    private static Rejection noConnector() {
        return Rejection.of(ErrorCode.NOT_FOUND, "No directory connector is configured for this tenant.");
    }
}
