package org.allot.server.processing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.Notification;
import org.allot.core.notification.WebhookEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscribers' endpoints over HTTPS with the JDK's HTTP client: the validation handshake and the notifications, as
 * Graph sends them. Redirects are not followed; each request has {@code timeout} to be answered (Graph: 10 s for the
 * handshake).
 */
public final class HttpWebhookEndpoints implements WebhookEndpoints {
    private static final Logger log = LoggerFactory.getLogger(HttpWebhookEndpoints.class);
    private static final int MAX_ANSWER = 4096;

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    public HttpWebhookEndpoints(SSLContext tls, JsonMapper json, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> validate(URI url, String token) {
        String separator = url.getRawQuery() == null ? "?" : "&";
        URI target =
                URI.create(url + separator + "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        Optional<String> failure = send(request)
                .flatMap(
                        answer -> {
                            if (answer.statusCode() != 200) {
                                return Optional.of("answered " + answer.statusCode());
                            }
                            String type = answer.contentType();
                            if (!type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                                return Optional.of("answered with Content-Type '" + type + "', not text/plain");
                            }
                            return answer.body().strip().equals(token)
                                    ? Optional.empty()
                                    : Optional.of("answered without the validation token");
                        },
                        Optional::of);
        failure.ifPresent(why -> log.info("Validation of notification URL {} failed: {}", url, why));
        return failure;
    }

    @Override
    public Optional<String> deliver(URI url, List<Notification> notifications) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(notifications), StandardCharsets.UTF_8))
                .build();
        return send(request)
                .flatMap(
                        answer -> answer.statusCode() / 100 == 2
                                ? Optional.empty()
                                : Optional.of("answered " + answer.statusCode()),
                        Optional::of);
    }

    /** The request body: {@code {"value": […]}}, each item as Graph writes it. */
    String body(List<Notification> notifications) {
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        for (Notification n : notifications) {
            ObjectNode item = value.addObject();
            item.put("subscriptionId", n.subscriptionId().toString());
            item.put(
                    "subscriptionExpirationDateTime",
                    DateTimeFormatter.ISO_INSTANT.format(
                            n.subscriptionExpiration().truncatedTo(ChronoUnit.MILLIS)));
            ChangeEvent event = n.event();
            if (event != null) {
                item.put("changeType", event.changeType().wireName());
                item.put("resource", event.resource());
                ObjectNode data = item.putObject("resourceData");
                data.put("@odata.type", event.kind().odataType());
                data.put("@odata.id", event.odataId());
                data.put("id", event.id().toString());
                data.put("organizationId", n.tenantId().toString());
                if (event.assignment() != null) {
                    assignment(data, event);
                }
            } else {
                item.put("lifecycleEvent", n.lifecycleEvent());
            }
            if (n.clientState() == null) {
                item.putNull("clientState");
            } else {
                item.put("clientState", n.clientState());
            }
            item.put("tenantId", n.tenantId().toString());
        }
        return json.writeValueAsString(body);
    }

    /**
     * A license assignment's {@code resourceData}: its user, product and source, and its state and error as Graph's
     * {@code licenseAssignmentStates} write them ({@code assignedByGroup} null and {@code error} "None" when there is
     * none); for a removal, as it was.
     */
    private static void assignment(ObjectNode data, ChangeEvent event) {
        AssignmentChange a = event.assignment();
        data.put("userId", event.id().toString());
        data.put("skuId", a.sku().toString());
        if (a.source() == null) {
            data.putNull("assignedByGroup");
            data.put("source", "direct");
        } else {
            data.put("assignedByGroup", a.source().toString());
            data.put("source", "group");
        }
        data.put("state", a.state());
        data.put("error", a.error() == null ? "None" : a.error());
    }

    /** The answer, or why there was none. */
    private Either send(HttpRequest request) {
        try {
            HttpResponse<java.io.InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (java.io.InputStream in = answer.body()) {
                text = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
            return new Either(
                    answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""),
                    text,
                    null);
        } catch (IOException e) {
            return new Either(0, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Either(0, "", "", "interrupted");
        } catch (IllegalArgumentException e) {
            return new Either(0, "", "", "invalid URL: " + e.getMessage());
        }
    }

    /** An answer (status, content type, the start of its body), or why there was none ({@code failure}). */
    private record Either(int statusCode, String contentType, String body, String failure) {
        Optional<String> flatMap(
                java.util.function.Function<Either, Optional<String>> onAnswer,
                java.util.function.Function<String, Optional<String>> onFailure) {
            return failure == null ? onAnswer.apply(this) : onFailure.apply(failure);
        }
    }
}
