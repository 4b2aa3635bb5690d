package org.allot.core.sync;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;

/**
 * Connection tests of {@link DirectorySync}: the saved connector, or settings before they are saved, each step
 * reported and every test audited. Also checks a connector request, for tests and for saving alike.
 */
final class ConnectionTesting {
    private static final String TYPED = "typed for the test";
    private static final String SAVED = "the saved one";
    private static final String NO_PASSWORD = "none (anonymous bind)";

    private final Connectors connectors;
    private final DirectorySource source;
    private final Secrets secrets;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    ConnectionTesting(
            Connectors connectors,
            OnPremisesDirectory onPremises,
            Transactions transactions,
            AuditLog audit,
            Clock clock) {
        this.connectors = connectors;
        this.source = onPremises.source();
        this.secrets = onPremises.secrets();
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The request's settings, as the directory source accepts them, or why not. */
    Outcome<ConnectorSettings> checked(ConnectorRequest request) {
        Outcome<ConnectorSettings> settings = request.settings();
        if (!settings.isDone()) {
            return settings;
        }
        return source.validate(settings.value())
                .<Outcome<ConnectorSettings>>map(Outcome::refused)
                .orElse(settings);
    }

    /** See {@link DirectorySync#testConnection(Caller)}. */
    Outcome<ConnectionReport> testSaved(Caller caller) {
        Optional<Connector> connector = saved(caller.tenant());
        if (connector.isEmpty()) {
            return Outcome.refused(SyncRunner.noConnector());
        }
        ConnectorSettings settings = connector.get().settings();
        Outcome<String> password = settings.bindDn() == null ? Outcome.done(null) : savedPassword(caller.tenant());
        return password.map(p -> tested(caller, settings, settings.bindDn() == null ? NO_PASSWORD : SAVED, p));
    }

    /** See {@link DirectorySync#testConnection(Caller, ConnectorRequest)}. */
    Outcome<ConnectionReport> test(Caller caller, ConnectorRequest request) {
        Outcome<ConnectorSettings> checked = checked(request);
        if (!checked.isDone()) {
            return Outcome.refused(checked.rejection());
        }
        ConnectorSettings settings = checked.value();
        if (request.password() != null && !request.password().isEmpty()) {
            return Outcome.done(tested(caller, settings, TYPED, request.password()));
        }
        if (settings.bindDn() == null) {
            return Outcome.done(tested(caller, settings, NO_PASSWORD, null));
        }
        Optional<Connector> saved = saved(caller.tenant());
        if (saved.isEmpty() || !saved.get().settings().sameTarget(settings)) {
            Rejection refusal = Rejection.invalid(
                    "Type the bind password to test %s as %s: the saved password is only sent to the saved"
                            + " connector's URL and bind DN (with its StartTLS and trusted certificate).",
                    settings.url(), settings.bindDn());
            audit(caller, settings, "none typed", refusal.message(), false);
            return Outcome.refused(refusal);
        }
        return savedPassword(caller.tenant()).map(p -> tested(caller, settings, SAVED, p));
    }

    /**
     * The bind password a dry run of the request's settings uses: the one typed, none for an anonymous bind, or the
     * saved one, but only when the settings send it to the saved connector's target ({@link
     * ConnectorSettings#sameTarget}); refused otherwise.
     */
    Outcome<String> passwordFor(TenantId tenant, ConnectorRequest request, ConnectorSettings settings) {
        if (request.password() != null && !request.password().isEmpty()) {
            return Outcome.done(request.password());
        }
        if (settings.bindDn() == null) {
            return Outcome.done(null);
        }
        Optional<Connector> saved = saved(tenant);
        if (saved.isEmpty() || !saved.get().settings().sameTarget(settings)) {
            return Outcome.refused(Rejection.invalid(
                    "Type the bind password to preview a sync from %s as %s: the saved password is only sent to the"
                            + " saved connector's URL and bind DN (with its StartTLS and trusted certificate).",
                    settings.url(), settings.bindDn()));
        }
        return savedPassword(tenant);
    }

    private ConnectionReport tested(Caller caller, ConnectorSettings settings, String password, String secret) {
        ConnectionReport report = source.test(settings, secret);
        audit(
                caller,
                settings,
                password,
                report.failure()
                        .map(f -> "failed at " + f.step() + ": " + f.detail())
                        .orElse("every step passed"),
                true);
        return report;
    }

    private void audit(Caller caller, ConnectorSettings settings, String password, String outcome, boolean ran) {
        AuditEvent event = AuditEvent.of(
                caller,
                clock.instant(),
                Activity.TEST_SYNC_CONNECTION,
                AuditTarget.other("DirectorySyncConnector", caller.tenant(), settings.url()),
                List.of(
                        PropertyChange.of("url", null, settings.url()),
                        PropertyChange.of("startTls", null, settings.startTls()),
                        PropertyChange.of("bindDn", null, settings.bindDn()),
                        PropertyChange.of("password", null, password),
                        PropertyChange.of("outcome", null, outcome)));
        transactions.run(() -> {
            audit.append(ran ? event : event.failed());
            return null;
        });
    }

    private Optional<Connector> saved(TenantId tenant) {
        return transactions.run(() -> connectors.find(tenant));
    }

    /** The saved bind password, opened; none when no password is saved. */
    private Outcome<String> savedPassword(TenantId tenant) {
        Optional<String> sealed = transactions.run(() -> connectors.sealedPassword(tenant));
        return sealed.isEmpty() ? Outcome.done(null) : secrets.open(tenant, sealed.get());
    }
}
