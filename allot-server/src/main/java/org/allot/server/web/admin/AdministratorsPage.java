package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allot.server.security.AdminAccounts;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.AppCertificates;
import org.allot.server.security.AppRegistrations;
import org.allot.server.security.Capability;
import org.allot.server.security.store.AppCertificate;
import org.allot.server.security.store.AppRegistration;
import org.allot.server.security.store.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who may sign in to the admin center, with which role, and the API apps with when their secret expires and their
 * certificates; Global Administrators add and remove administrators, change their roles, give apps a new secret, and
 * add and remove apps' certificates.
 */
@Controller
public class AdministratorsPage {
    private final AdminAccounts accounts;
    private final AppRegistrations apps;
    private final AppCertificates certificates;
    private final Clock clock;

    public AdministratorsPage(
            AdminAccounts accounts, AppRegistrations apps, AppCertificates certificates, Clock clock) {
        this.accounts = accounts;
        this.apps = apps;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * An app as the page shows it: when its secret expires, in how many days, and whether to warn; and the
     * certificates it may sign client assertions with.
     */
    public record AppRow(
            String appId,
            String displayName,
            String role,
            Instant secretExpiresAt,
            long daysLeft,
            boolean warn,
            List<AppCertificate> certificates) {
        public boolean expired() {
            return daysLeft < 0;
        }
    }

    @GetMapping("/administrators")
    public String list(@AuthenticationPrincipal AdminPrincipal admin, Model model, HttpServletRequest request) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        model.addAttribute("accounts", accounts.of(AdminPages.caller(admin, request)));
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("minPassword", AdminAccounts.MIN_PASSWORD);
        model.addAttribute(
                "apps", apps.of(admin.tenant()).stream().map(this::row).toList());
        return "administrators";
    }

    @PostMapping("/administrators")
    public String add(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "displayName", defaultValue = "") String displayName,
            @RequestParam(name = "role", defaultValue = "") String role,
            @RequestParam(name = "password", defaultValue = "") String password,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        var outcome = accounts.add(AdminPages.caller(admin, request), username, displayName, role, password);
        if (!AdminPages.tell(outcome, flash, "add", username.strip() + " can now sign in.")) {
            flash.addFlashAttribute("username", username);
            flash.addFlashAttribute("displayName", displayName);
            flash.addFlashAttribute("role", role);
        }
        return AdminPages.redirect("/administrators");
    }

    /** Another role for an administrator: their session ends at their next request. */
    @PostMapping("/administrators/role")
    public String changeRole(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "role", defaultValue = "") String role,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                accounts.changeRole(AdminPages.caller(admin, request), username, role),
                flash,
                "role",
                username + " is now " + Role.parse(role).map(Role::displayName).orElse(role)
                        + "; they sign in again to use it.");
        return AdminPages.redirect("/administrators");
    }

    @PostMapping("/administrators/remove")
    public String remove(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "username", defaultValue = "") String username,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_ADMINISTRATORS);
        AdminPages.tell(
                accounts.remove(AdminPages.caller(admin, request), username),
                flash,
                "remove",
                username + " can no longer sign in.");
        return AdminPages.redirect("/administrators");
    }

    /** A new secret for an app, shown once; the old secret and the tokens issued for it stop working. */
    @PostMapping("/administrators/apps/secret")
    public String newSecret(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "appId", defaultValue = "") String appId,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_APPS);
        var outcome = apps.replaceSecret(AdminPages.caller(admin, request), AdminPages.id(appId), null);
        if (AdminPages.tell(
                outcome,
                flash,
                "secret",
                "A new secret for " + appId
                        + ": copy it now, it is not shown again. The old secret no longer works.")) {
            flash.addFlashAttribute("newSecret", outcome.value().secret());
            flash.addFlashAttribute("newSecretApp", appId);
        }
        return AdminPages.redirect("/administrators");
    }

    /** Registers a certificate (pasted as PEM) on an app. */
    @PostMapping("/administrators/apps/certificate")
    public String addCertificate(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "appId", defaultValue = "") String appId,
            @RequestParam(name = "certificate", defaultValue = "") String certificate,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_APPS);
        var outcome = certificates.add(AdminPages.caller(admin, request), AdminPages.id(appId), certificate);
        AdminPages.tell(
                outcome,
                flash,
                "certificate",
                outcome.isDone()
                        ? "The app may now sign in with the certificate "
                                + outcome.value().thumbprint() + "."
                        : "");
        return AdminPages.redirect("/administrators");
    }

    /** Removes a certificate from an app: the tokens issued with it stop working. */
    @PostMapping("/administrators/apps/certificate/remove")
    public String removeCertificate(
            @AuthenticationPrincipal AdminPrincipal admin,
            @RequestParam(name = "appId", defaultValue = "") String appId,
            @RequestParam(name = "keyId", defaultValue = "") String keyId,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_APPS);
        AdminPages.tell(
                certificates.remove(AdminPages.caller(admin, request), AdminPages.id(appId), AdminPages.id(keyId)),
                flash,
                "certificate",
                "The certificate was removed; tokens issued with it no longer work.");
        return AdminPages.redirect("/administrators");
    }

    private AppRow row(AppRegistration app) {
        var held = certificates.of(app.tenant(), app.clientId());
        Duration left = Duration.between(clock.instant(), app.secretExpiresAt());
        return new AppRow(
                app.clientId().toString(),
                app.displayName(),
                app.role().displayName(),
                app.secretExpiresAt(),
                left.isNegative() ? -1 - left.negated().toDays() : left.toDays(),
                apps.secretExpiresSoon(app),
                held.isDone() ? held.value() : List.of());
    }
}
