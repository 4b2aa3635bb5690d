package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.allot.api.extensions.SubscriptionRequest;
import org.allot.api.extensions.TenantSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies are read without coercion: the wrong JSON type for a property is refused and named. */
class StrictJsonTest {
    private final JsonMapper json = StrictJson.of(JsonMapper.builder().build());

    @Test
    void aWellTypedBodyIsReadAndLeftOutPropertiesAreNull() {
        SubscriptionRequest request =
                json.readValue("{\"skuPartNumber\":\"EMS\",\"seats\":5}", SubscriptionRequest.class);

        assertThat(request.seats()).isEqualTo(5);
        assertThat(request.isTrial()).isNull();
        assertThat(json.readValue("{}", TenantSettings.class).nestedGroupLicensing())
                .isNull();
    }

    @Test
    void numbersAndBooleansAreNeverCoerced() {
        for (String[] body : new String[][] {
            {"{\"seats\":1.5}", "seats"},
            {"{\"seats\":5.0}", "seats"},
            {"{\"seats\":\"5\"}", "seats"},
            {"{\"seats\":\"\"}", "seats"},
            {"{\"seats\":true}", "seats"},
            {"{\"isTrial\":\"true\"}", "isTrial"},
            {"{\"isTrial\":1}", "isTrial"},
            {"{\"skuPartNumber\":5}", "skuPartNumber"},
            {"{\"skuPartNumber\":false}", "skuPartNumber"},
            {"{\"nextLifecycleDateTime\":5}", "nextLifecycleDateTime"},
            {"{\"seats\":null}", "seats"},
            {"{\"isTrial\":null}", "isTrial"}
        }) {
            assertThatThrownBy(() -> json.readValue(body[0], SubscriptionRequest.class))
                    .as(body[0])
                    .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(
                                    e.getPath().get(e.getPath().size() - 1).getPropertyName())
                            .isEqualTo(body[1]));
        }
    }

    @Test
    void textMayBeNull() {
        assertThat(json.readValue("{\"skuPartNumber\":null,\"seats\":1}", SubscriptionRequest.class)
                        .skuPartNumber())
                .isNull();
    }
}
