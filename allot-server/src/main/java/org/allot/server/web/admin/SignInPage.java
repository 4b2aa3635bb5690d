package org.allot.server.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security checks the form it posts) and the page for refused requests. */
@Controller
public class SignInPage {

    @GetMapping("/login")
    public String signIn() {
        return "login";
    }

    /** Where refused requests are forwarded, whatever their method (a form without its CSRF token, say). */
    @org.springframework.web.bind.annotation.RequestMapping("/denied")
    public String denied() {
        return "error/403";
    }
}
