package org.allot.server.web.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security checks the form it posts) and the page for refused requests. */
@Controller
public class SignInPage {
    private final String domain;

    public SignInPage(@Value("${allot.bootstrap.domain:example.com}") String domain) {
        this.domain = domain;
    }

    /** The sign-in form; its example name is on the tenant's domain (the one its first administrator got). */
    @GetMapping("/login")
    public String signIn(Model model) {
        model.addAttribute("exampleName", "admin@" + domain);
        return "login";
    }

    /** Where refused requests are forwarded, whatever their method (a form without its CSRF token, say). */
    @org.springframework.web.bind.annotation.RequestMapping("/denied")
    public String denied() {
        return "error/403";
    }
}
