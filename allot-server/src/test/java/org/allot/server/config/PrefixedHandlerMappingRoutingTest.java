package org.allot.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request is routed by {@link PrefixedHandlerMapping} to the same handler, with the same path variables and the
 * same status, as Spring MVC's own mapping routes it: one match, several (a literal path beside a pattern, a more
 * specific pattern, a catch-all behind every Graph path), a wrong method, a trailing slash, an escaped path, and none.
 */
class PrefixedHandlerMappingRoutingTest {

    @RestController
    @RequestMapping("/v1.0")
    static class Graph {
        @GetMapping("/users/{id}")
        String user(@PathVariable String id) {
            return "user " + id;
        }

        @GetMapping("/users/delta()")
        String delta() {
            return "delta";
        }

        @GetMapping("/users/{id}/licenseDetails")
        String licenseDetails(@PathVariable String id) {
            return "licenseDetails " + id;
        }

        @GetMapping("/users/{id}/{property}")
        String property(@PathVariable String id, @PathVariable String property) {
            return "property " + id + " " + property;
        }

        @PostMapping("/groups/{id}/members/$ref")
        String addMember(@PathVariable String id) {
            return "addMember " + id;
        }

        @GetMapping("/users('{id}')")
        String userByKey(@PathVariable String id) {
            return "userByKey " + id;
        }

        @GetMapping("/organization")
        String organization() {
            return "organization";
        }
    }

    @RestController
    static class Files {
        @GetMapping("/files/{*rest}")
        String file(@PathVariable String rest) {
            return "file " + rest;
        }

        @PostMapping("/allot/v1/things/{id}")
        String thing(@PathVariable String id) {
            return "thing " + id;
        }

        /** As the server's ApiFallbackController: every Graph path no other mapping takes. */
        @RequestMapping("/v1.0/**")
        String fallback() {
            return "fallback";
        }
    }

    private static final List<String[]> REQUESTS = List.of(
            new String[] {"GET", "/v1.0/users/ada"},
            new String[] {"GET", "/v1.0/users/delta()"},
            new String[] {"GET", "/v1.0/users/ada/licenseDetails"},
            new String[] {"GET", "/v1.0/users/ada/manager"},
            new String[] {"POST", "/v1.0/groups/g1/members/$ref"},
            new String[] {"GET", "/v1.0/groups/g1/members/$ref"},
            new String[] {"DELETE", "/v1.0/users/ada"},
            new String[] {"HEAD", "/v1.0/users/ada"},
            new String[] {"GET", "/v1.0/users('ada')"},
            new String[] {"GET", "/v1.0/organization"},
            new String[] {"GET", "/v1.0/organization/"},
            new String[] {"GET", "/v1.0/usersX/ada"},
            new String[] {"GET", "/v1.0/users/a%20b"},
            new String[] {"GET", "/files"},
            new String[] {"GET", "/files/a/b/c.css"},
            new String[] {"GET", "/allot/v1/things/t1"},
            new String[] {"POST", "/allot/v1/things/t1"},
            new String[] {"OPTIONS", "/v1.0/users/ada"},
            new String[] {"GET", "/nowhere/at/all"},
            new String[] {"GET", "/"});

    @Test
    void routesEveryRequestAsSpringMvcDoes() throws Exception {
        MockMvc spring = MockMvcBuilders.standaloneSetup(new Graph(), new Files())
                .setCustomHandlerMapping(RequestMappingHandlerMapping::new)
                .build();
        MockMvc prefixed = MockMvcBuilders.standaloneSetup(new Graph(), new Files())
                .setCustomHandlerMapping(PrefixedHandlerMapping::new)
                .build();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String[] r : REQUESTS) {
            expected.add(answer(spring, r));
            actual.add(answer(prefixed, r));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected)
                .contains(
                        "GET /v1.0/users/delta() -> 200 delta",
                        "GET /v1.0/users/ada/licenseDetails -> 200 licenseDetails ada",
                        "POST /v1.0/groups/g1/members/$ref -> 200 addMember g1",
                        "GET /v1.0/groups/g1/members/$ref -> 200 fallback",
                        "GET /v1.0/usersX/ada -> 200 fallback",
                        "GET /allot/v1/things/t1 -> 405 ",
                        "GET /files/a/b/c.css -> 200 file /a/b/c.css",
                        "GET /nowhere/at/all -> 404 ");
    }

    private static String answer(MockMvc mvc, String[] r) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.request(HttpMethod.valueOf(r[0]), java.net.URI.create(r[1])))
                .andReturn()
                .getResponse();
        return r[0] + " " + r[1] + " -> " + response.getStatus() + " " + response.getContentAsString();
    }
}
