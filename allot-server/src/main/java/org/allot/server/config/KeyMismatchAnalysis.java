package org.allot.server.config;

import org.allot.server.security.SecretsKeyCheck;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A server refused to start with another master key than its database's: says so plainly, and what to do. */
class KeyMismatchAnalysis extends AbstractFailureAnalyzer<SecretsKeyCheck.Mismatch> {
    @Override
    protected FailureAnalysis analyze(Throwable root, SecretsKeyCheck.Mismatch cause) {
        return new FailureAnalysis(cause.getMessage(), SecretsKeyCheck.Mismatch.action(), cause);
    }
}
