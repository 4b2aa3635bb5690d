package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.TenantDirectory;
import org.allot.server.security.AdminPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Gives every admin center page the signed-in administrator, what they may do and their tenant's name; turns
 * unknown ids, refused capabilities and hand-made bad requests into friendly pages instead of stack traces.
 */
@ControllerAdvice(basePackages = "org.allot.server.web.admin")
public class AdminAdvice {
    private static final Logger log = LoggerFactory.getLogger(AdminAdvice.class);

    private final TenantDirectory tenants;

    public AdminAdvice(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute
    public void common(@AuthenticationPrincipal AdminPrincipal admin, Model model, HttpServletRequest request) {
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("fmt", Formats.INSTANCE);
        model.addAttribute("limits", Limits.CORE);
        if (admin == null) {
            return;
        }
        model.addAttribute("admin", admin);
        model.addAttribute("can", Permissions.of(admin));
        model.addAttribute(
                "tenantName", tenants.find(admin.tenant()).map(Tenant::name).orElse(""));
    }

    @ExceptionHandler(AdminPages.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(AdminPages.NotFound e, Model model, HttpServletRequest request) {
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("fmt", Formats.INSTANCE);
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String denied(AccessDeniedException e, Model model, HttpServletRequest request) {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return "error/403";
    }

    @ExceptionHandler({
        AdminPages.BadInput.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badInput(Exception e, Model model) {
        model.addAttribute(
                "message",
                e instanceof AdminPages.BadInput ? e.getMessage() : "The request is incomplete or malformed.");
        return "error/400";
    }
}
