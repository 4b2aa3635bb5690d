package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.query.Query;
import org.allot.server.http.RequestIds;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every admin center page does alike: checking capabilities, parsing ids, telling the outcome of a change. */
final class AdminPages {
    /** Flash attribute: what a change did, shown once on the next page. */
    static final String NOTICE = "notice";
    /** Flash attribute: why a change was refused, shown once on the next page. */
    static final String PROBLEM = "problem";
    /** Flash attribute: which form the problem belongs to, so the form can mark itself. */
    static final String PROBLEM_FOR = "problemFor";

    private AdminPages() {}

    /** A page for something that does not exist (or belongs to another tenant). */
    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }

    /** A request the pages never produce themselves: a hand-made URL or a tampered form. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    static void require(AdminPrincipal admin, Capability capability) {
        if (!admin.can(capability)) {
            throw new AccessDeniedException(admin.role().displayName() + " cannot " + capability);
        }
    }

    /** The administrator as the actor of a change made by this request. */
    static Caller caller(AdminPrincipal admin, HttpServletRequest request) {
        return admin.caller(RequestIds.of(request));
    }

    /**
     * A page request narrowed to the users, groups or audit records of the administrator's administrative units when
     * their roles are held over units ({@link ScopeGuard#restrict}); unchanged for a tenant-wide administrator.
     */
    static Query narrowed(AdminPrincipal admin, Query query) {
        return ScopeGuard.restrict(admin.caller(""), query);
    }

    static Optional<UUID> uuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tenant's group with the id in a URL; anything else is a page that does not exist. */
    static Group group(LicensedDirectory reads, TenantId tenant, String id) {
        return uuid(id).flatMap(uuid -> reads.group(tenant, new GroupId(uuid), false))
                .map(LicensedGroup::group)
                .orElseThrow(() -> new NotFound(id));
    }

    /** The id in a URL; anything else is a page that does not exist. */
    static UUID id(String value) {
        return uuid(value).orElseThrow(() -> new NotFound(value));
    }

    /**
     * Tells the next page what the change did: the notice when it was done, the reason when it was refused (for the
     * form named {@code form}). Returns whether it was done.
     */
    static boolean tell(Outcome<?> outcome, RedirectAttributes flash, String form, String notice) {
        return tell(outcome, flash, form, notice, null);
    }

    /** {@link #tell(Outcome, RedirectAttributes, String, String)} for a change about a product, named in a refusal. */
    static boolean tell(Outcome<?> outcome, RedirectAttributes flash, String form, String notice, String product) {
        if (outcome.isDone()) {
            flash.addFlashAttribute(NOTICE, notice);
            return true;
        }
        refuse(flash, form, PlainWords.of(outcome.rejection(), product));
        return false;
    }

    static void refuse(RedirectAttributes flash, String form, String message) {
        flash.addFlashAttribute(PROBLEM, message);
        flash.addFlashAttribute(PROBLEM_FOR, form);
    }

    static String redirect(String path) {
        return "redirect:" + path;
    }
}
