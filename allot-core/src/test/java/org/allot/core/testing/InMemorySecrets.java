package org.allot.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.sync.Secrets;

/** Seals with nothing but an encoding bound to the tenant: enough to see that no one reads a plain password back. */
public final class InMemorySecrets implements Secrets {
    @Override
    public Outcome<String> seal(TenantId tenant, String secret) {
        return Outcome.done(tenant + ":" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Outcome<String> open(TenantId tenant, String sealed) {
        String prefix = tenant + ":";
        if (!sealed.startsWith(prefix)) {
            return Outcome.refused(Rejection.invalid("sealed for another tenant"));
        }
        return Outcome.done(
                new String(Base64.getDecoder().decode(sealed.substring(prefix.length())), StandardCharsets.UTF_8));
    }
}
