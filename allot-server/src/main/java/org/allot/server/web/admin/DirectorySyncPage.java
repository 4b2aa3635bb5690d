package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.directory.TenantChange;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.sync.ConnectionReport;
import org.allot.core.sync.Connector;
import org.allot.core.sync.DirectoryPreset;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.RunRequest;
import org.allot.core.sync.SyncOverview;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunId;
import org.allot.core.sync.SyncRunState;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Directory sync: the connector to the on-premises directory (tested step by step, and previewed as a dry run, before
 * or after it is saved; staging mode), "sync now", the tenant's two thresholds, the latest runs (refreshed while one is
 * asked for or running), and a run with its errors and, when it is blocked or dry, what it holds back or would do. The
 * sync service runs its own units of work.
 */
@Controller
@RequestMapping("/sync")
public class DirectorySyncPage {
    static final int RUNS = 20;
    static final int ERRORS = 200;
    static final int DELETIONS = 500;

    /** The runs table: the latest runs, and the run asked for that has not started yet. */
    public record Runs(List<SyncRun> runs, RunRequest requested) {
        /** Whether the table changes by itself soon: a run is asked for or running. */
        public boolean active() {
            return requested != null || runs.stream().anyMatch(r -> r.state() == SyncRunState.RUNNING);
        }
    }

    /** The thresholds as typed, shown again with the reason they were refused. */
    public record TypedThresholds(String deletions, String losses) implements Serializable {}

    /** A preset the form offers, with the filters it uses when the form leaves them empty. */
    public record Preset(String value, String label, String userFilter, String groupFilter) {
        static Preset of(String value, String label, DirectoryPreset preset) {
            return new Preset(value, label, preset.userFilter(), preset.groupFilter());
        }
    }

    private final DirectorySync sync;
    private final SyncOverview overview;
    private final TenantDirectory tenants;

    public DirectorySyncPage(DirectorySync sync, SyncOverview overview, TenantDirectory tenants) {
        this.sync = sync;
        this.overview = overview;
        this.tenants = tenants;
    }

    @GetMapping
    public String show(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        SyncOverview.Status status = overview.status(admin.tenant(), RUNS);
        Connector connector = status.connector();
        model.addAttribute("connector", connector);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", connector == null ? ConnectorForm.NEW : ConnectorForm.of(connector));
        }
        model.addAttribute("presets", presets());
        model.addAttribute("runs", runs(status));
        model.addAttribute("policy", status.policy());
        return "sync/page";
    }

    /** The runs table alone; htmx polls it while a run is asked for or running. */
    @GetMapping("/runs")
    public String runs(@AuthenticationPrincipal AdminPrincipal admin, Model model) {
        model.addAttribute("runs", runs(overview.status(admin.tenant(), RUNS)));
        return "sync/runs :: runs";
    }

    @PostMapping("/connector")
    public String save(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DIRECTORY_SYNC);
        ConnectorForm form = ConnectorForm.from(fields);
        String password = fields.getFirst("password");
        Outcome<Connector> saved =
                form.request(password).flatMap(r -> sync.configure(AdminPages.caller(admin, request), r));
        if (!saved.isDone()) {
            flash.addFlashAttribute("form", form);
            AdminPages.refuse(
                    flash,
                    "connector",
                    saved.rejection().message()
                            + (password == null || password.isEmpty()
                                    ? ""
                                    : " Nothing was saved: type the password again."));
            return AdminPages.redirect("/sync");
        }
        flash.addFlashAttribute(AdminPages.NOTICE, saved(saved.value()));
        return AdminPages.redirect("/sync");
    }

    /** What saving the connector means for the next runs: staging mode, the schedule. */
    private static String saved(Connector connector) {
        return "Connector saved."
                + (connector.settings().staging()
                        ? " Staging mode is on: runs report what they would do and apply nothing."
                        : "")
                + (connector.settings().enabled()
                        ? " Test the connection, then sync now or wait for the schedule."
                        : " Test the connection, then sync now: the schedule is off, so runs start only when asked"
                                + " for.");
    }

    /** Tests the settings as typed, before or without saving them; answers the steps, for htmx to show. */
    @PostMapping("/test")
    public String test(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request,
            Model model) {
        AdminPages.require(admin, Capability.MANAGE_DIRECTORY_SYNC);
        Outcome<ConnectionReport> report = ConnectorForm.from(fields)
                .request(fields.getFirst("password"))
                .flatMap(r -> sync.testConnection(AdminPages.caller(admin, request), r));
        model.addAttribute("report", report.isDone() ? report.value() : null);
        model.addAttribute(
                "refusal", report.isDone() ? null : report.rejection().message());
        return "sync/report :: report";
    }

    /**
     * Previews the settings as typed, not saved: a dry run of the next sync with them, then its page, which lists what
     * it would add, update, delete and take away. Nothing is applied.
     */
    @PostMapping("/preview")
    public String preview(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DIRECTORY_SYNC);
        ConnectorForm form = ConnectorForm.from(fields);
        Outcome<SyncRun> preview = form.request(fields.getFirst("password"))
                .flatMap(r -> sync.preview(AdminPages.caller(admin, request), r));
        if (!preview.isDone()) {
            flash.addFlashAttribute("form", form);
            AdminPages.refuse(flash, "connector", preview.rejection().message() + " Nothing was previewed.");
            return AdminPages.redirect("/sync");
        }
        flash.addFlashAttribute(
                AdminPages.NOTICE,
                "Preview done: nothing was applied and the connector was not saved. Check what the change would do,"
                        + " then save it on the connector form or change it.");
        return AdminPages.redirect("/sync/runs/" + preview.value().id());
    }

    /** Sets the tenant's two thresholds over which a run is held for an administrator to confirm. */
    @PostMapping("/thresholds")
    public String thresholds(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "syncDeleteThreshold", defaultValue = "") String deletions,
            @RequestParam(name = "syncLicenseLossThreshold", defaultValue = "") String losses,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SETTINGS);
        Integer deleted = whole(deletions);
        Integer losing = whole(losses);
        if (deleted == null || losing == null) {
            AdminPages.refuse(
                    flash, "thresholds", "Each threshold is a whole number of 0 or more: 0 holds every such run.");
            flash.addFlashAttribute("typedThresholds", new TypedThresholds(deletions, losses));
            return AdminPages.redirect("/sync");
        }
        boolean done = AdminPages.tell(
                tenants.change(
                        AdminPages.caller(admin, request),
                        new TenantChange(null, null, null, null, null, deleted, losing)),
                flash,
                "thresholds",
                "Thresholds saved: a run that would delete more than " + deleted
                        + " objects or take a license from more" + " than " + losing
                        + " users is held for confirmation.");
        if (!done) {
            flash.addFlashAttribute("typedThresholds", new TypedThresholds(deletions, losses));
        }
        return AdminPages.redirect("/sync");
    }

    /** A whole number as typed, or null when it is none (the core checks the range). */
    private static Integer whole(String typed) {
        String value = typed.strip();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long number = Long.parseLong(value);
        return number > Integer.MAX_VALUE ? null : (int) number;
    }

    @PostMapping("/run")
    public String run(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "full", defaultValue = "false") boolean full,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DIRECTORY_SYNC);
        AdminPages.tell(
                sync.requestRun(AdminPages.caller(admin, request), full),
                flash,
                "run",
                (full ? "A full sync" : "A sync") + " was asked for: it starts within moments, and the runs below"
                        + " show how it goes.");
        return AdminPages.redirect("/sync");
    }

    @GetMapping("/runs/{id}")
    public String run(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable String id, Model model) {
        SyncOverview.RunDetail detail = overview.run(admin.tenant(), runId(id), ERRORS, DELETIONS)
                .orElseThrow(() -> new AdminPages.NotFound(id));
        model.addAttribute("run", detail.run());
        model.addAttribute("hold", new HeldRun(detail.run()));
        model.addAttribute("errors", detail.errors());
        model.addAttribute("deletions", detail.deletions());
        model.addAttribute("removals", detail.removals());
        model.addAttribute("losses", detail.losses());
        model.addAttribute("changes", detail.changes());
        model.addAttribute("held", DELETIONS);
        return "sync/run";
    }

    @PostMapping("/runs/{id}/confirm")
    public String confirm(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String id,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_DIRECTORY_SYNC);
        SyncRun run = find(admin.tenant(), id);
        Outcome<SyncRun> confirmed = sync.confirm(AdminPages.caller(admin, request), run.id());
        AdminPages.tell(
                confirmed,
                flash,
                "confirm",
                confirmed.isDone() ? confirmed.value().message() : "");
        return AdminPages.redirect("/sync/runs/" + run.id());
    }

    private static Runs runs(SyncOverview.Status status) {
        return new Runs(status.runs(), status.requestedRun());
    }

    private SyncRun find(TenantId tenant, String id) {
        return sync.run(tenant, runId(id)).orElseThrow(() -> new AdminPages.NotFound(id));
    }

    private static SyncRunId runId(String id) {
        return new SyncRunId(AdminPages.id(id));
    }

    private static List<Preset> presets() {
        return List.of(
                Preset.of("activeDirectory", "Active Directory", DirectoryPreset.ACTIVE_DIRECTORY),
                Preset.of(
                        "genericLdap",
                        "Generic LDAP (OpenLDAP, 389 Directory Server, …)",
                        DirectoryPreset.GENERIC_LDAP));
    }
}
