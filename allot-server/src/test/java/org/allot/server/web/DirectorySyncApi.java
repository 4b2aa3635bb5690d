package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.server.ldap.TestDirectory;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;

/**
 * What the tests of directory sync through the API share: its paths, an in-memory LDAP directory for each test
 * (generic LDAP, Contoso's people under contoso.com), and the check of Graph's error body: {@link
 * DirectorySyncConnectorIT} (the connector and its connection tests) and {@link DirectorySyncRunsIT} (runs).
 */
abstract class DirectorySyncApi extends ApiIT {
    static final String CONNECTOR = "/allot/v1/directorySync/connector";
    static final String RUNS = "/allot/v1/directorySync/runs";
    static final String PEOPLE = "ou=people," + TestDirectory.BASE;

    final TestDirectory directory = TestDirectory.genericLdap();

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    static void assertGraphError(Response r, int status, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.body().path("error").path("code").asString()).as(what).isNotBlank();
        assertThat(r.body().path("error").path("message").asString()).as(what).isNotBlank();
        assertThat(r.raw().headers().firstValue("request-id")).as(what).isPresent();
    }
}
