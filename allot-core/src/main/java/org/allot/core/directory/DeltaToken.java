package org.allot.core.directory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;

/**
 * Where a client of a delta query stands, as the opaque text of a {@code $skiptoken} or {@code $deltatoken}: which
 * collection of which tenant, what was selected, and a position in the tenant's change log. Positions are
 * transaction ids: a round delivers the changes of transactions in {@code [from, to)}.
 *
 * @param phase {@link Phase#LISTING}: the first round, listing every object (after {@code after}) as of {@code to};
 *     {@link Phase#CHANGES}: a later round, the objects changed in {@code [from, to)} (after {@code after});
 *     {@link Phase#NEXT_ROUND}: a delta link, the next round starts at {@code from}
 * @param issuedAt when the token was handed out (a token older than the retention period is refused)
 */
public record DeltaToken(
        DirectoryChanges.Kind kind,
        TenantId tenant,
        Phase phase,
        long from,
        long to,
        UUID after,
        List<String> select,
        Instant issuedAt) {

    /** Which part of a round a token continues. */
    public enum Phase {
        LISTING,
        CHANGES,
        NEXT_ROUND
    }

    private static final String VERSION = "d1";
    private static final String NONE = "-";
    private static final String SEPARATOR = "~";

    public DeltaToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(issuedAt, "issuedAt");
        select = select == null ? null : List.copyOf(select);
    }

    /** A delta link: the next round starts at {@code position}. */
    public static DeltaToken nextRound(
            DirectoryChanges.Kind kind, TenantId tenant, long position, List<String> select, Instant now) {
        return new DeltaToken(kind, tenant, Phase.NEXT_ROUND, position, position, null, select, now);
    }

    /** The token of the page after {@code last} in the same round. */
    public DeltaToken after(UUID last, Instant now) {
        return new DeltaToken(kind, tenant, phase, from, to, last, select, now);
    }

    /** The opaque text clients carry (URL-safe). */
    public String encode() {
        String text = String.join(
                SEPARATOR,
                VERSION,
                kind.name(),
                tenant.value().toString(),
                phase.name(),
                Long.toString(from),
                Long.toString(to),
                after == null ? NONE : after.toString(),
                select == null ? NONE : String.join(",", select),
                Long.toString(issuedAt.toEpochMilli()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token a text stands for; empty when it is not one (altered, truncated, of another version). */
    public static Optional<DeltaToken> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split(SEPARATOR, -1);
            if (parts.length != 9 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            long from = Long.parseLong(parts[4]);
            long to = Long.parseLong(parts[5]);
            if (from < 0 || to < from) {
                return Optional.empty();
            }
            return Optional.of(new DeltaToken(
                    DirectoryChanges.Kind.valueOf(parts[1]),
                    new TenantId(UUID.fromString(parts[2])),
                    Phase.valueOf(parts[3]),
                    from,
                    to,
                    NONE.equals(parts[6]) ? null : UUID.fromString(parts[6]),
                    NONE.equals(parts[7]) ? null : Arrays.asList(parts[7].split(",", -1)),
                    Instant.ofEpochMilli(Long.parseLong(parts[8]))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
