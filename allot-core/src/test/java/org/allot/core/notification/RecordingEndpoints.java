package org.allot.core.notification;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subscribers' endpoints that record what they are sent; URLs told to fail answer 503, those told to refuse refuse the handshake. */
final class RecordingEndpoints implements WebhookEndpoints {
    record Sent(URI url, List<Notification> notifications) {}

    final List<URI> validated = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final Set<URI> failing = new HashSet<>();
    final Set<URI> refusing = new HashSet<>();
    int failures;

    @Override
    public Optional<String> validate(URI url, String token) {
        validated.add(url);
        return refusing.contains(url) ? Optional.of("answered 403") : Optional.empty();
    }

    @Override
    public Optional<String> deliver(URI url, List<Notification> notifications) {
        if (failing.contains(url)) {
            failures++;
            return Optional.of("answered 503");
        }
        sent.add(new Sent(url, notifications));
        return Optional.empty();
    }

    /** Every change delivered to the URL, as "changeType resource". */
    List<String> changes(URI url) {
        return sent.stream()
                .filter(s -> s.url().equals(url))
                .flatMap(s -> s.notifications().stream())
                .map(n -> n.event() == null
                        ? n.lifecycleEvent()
                        : n.event().changeType().wireName() + " " + n.event().resource())
                .toList();
    }
}
