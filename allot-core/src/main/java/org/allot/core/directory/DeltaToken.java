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
 * collection of which tenant, what was selected, the page size asked for, and positions in the tenant's change log.
 * A position is a database snapshot (which transactions had ended, {@code xmin:xmax:running,…}): a round delivers the
 * changes of the transactions that ended after {@code from} and by {@code to}, so each change exactly once, whatever
 * order concurrent transactions commit in.
 *
 * @param phase {@link Phase#LISTING}: the first round, listing every object (after {@code after}) as of {@code to};
 *     {@link Phase#CHANGES}: a later round, the objects changed after {@code from} and by {@code to} (after
 *     {@code after});
 *     {@link Phase#NEXT_ROUND}: a delta link, the next round starts at {@code from}
 * @param pageSize the page size the first request asked for (0: none), kept for the pages after it
 * @param issuedAt when the token was handed out (a token older than the retention period is refused)
 * @param ids the objects followed ({@code $filter=id eq …}); null: all
 */
public record DeltaToken(
        DirectoryChanges.Kind kind,
        TenantId tenant,
        Phase phase,
        String from,
        String to,
        UUID after,
        List<String> select,
        int pageSize,
        Instant issuedAt,
        List<UUID> ids) {

    /** Which part of a round a token continues. */
    public enum Phase {
        LISTING,
        CHANGES,
        NEXT_ROUND
    }

    private static final String VERSION = "d1";
    private static final String NONE = "-";
    private static final String SEPARATOR = "~";
    private static final java.util.regex.Pattern POSITION =
            java.util.regex.Pattern.compile("(\\d{1,18}):(\\d{1,18}):((?:\\d{1,18})(?:,\\d{1,18})*)?");

    public DeltaToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(issuedAt, "issuedAt");
        select = select == null ? null : List.copyOf(select);
        ids = ids == null ? null : List.copyOf(ids);
    }

    /** A delta link: the next round starts at {@code position}. */
    public static DeltaToken nextRound(
            DirectoryChanges.Kind kind,
            TenantId tenant,
            String position,
            List<String> select,
            List<UUID> ids,
            Instant now) {
        return new DeltaToken(kind, tenant, Phase.NEXT_ROUND, position, position, null, select, 0, now, ids);
    }

    /** The token of the page after {@code last} in the same round, of the same size. */
    public DeltaToken after(UUID last, int size, Instant now) {
        return new DeltaToken(kind, tenant, phase, from, to, last, select, size, now, ids);
    }

    /**
     * Whether a text is a well-formed position: {@code xmin:xmax:running,…} with {@code xmin <= running < xmax}, the
     * running ones ascending.
     */
    public static boolean isPosition(String text) {
        java.util.regex.Matcher m = text == null ? null : POSITION.matcher(text);
        if (m == null || !m.matches()) {
            return false;
        }
        long xmin = Long.parseLong(m.group(1));
        long xmax = Long.parseLong(m.group(2));
        if (xmin < 1 || xmin > xmax) {
            return false;
        }
        long previous = xmin - 1;
        if (m.group(3) != null) {
            for (String part : m.group(3).split(",")) {
                long running = Long.parseLong(part);
                if (running <= previous || running >= xmax) {
                    return false;
                }
                previous = running;
            }
        }
        return true;
    }

    /** The opaque text clients carry (URL-safe). */
    public String encode() {
        String text = String.join(
                SEPARATOR,
                VERSION,
                kind.name(),
                tenant.value().toString(),
                phase.name(),
                from == null ? NONE : from,
                to,
                after == null ? NONE : after.toString(),
                select == null ? NONE : String.join(",", select),
                Integer.toString(pageSize),
                Long.toString(issuedAt.toEpochMilli()));
        if (ids != null) {
            text = text
                    + SEPARATOR
                    + String.join(",", ids.stream().map(UUID::toString).toList());
        }
        text = text + SEPARATOR + check(text);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A check of a token's text, so that a token cut short or altered by accident is not read as another one. It is
     * no signature: a token names positions in its own tenant's log, which its caller may read anyway.
     */
    private static String check(String text) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The token a text stands for; empty when it is not one (altered, truncated, of another version). Tokens without
     * followed ids (those issued before ids could be followed too) have ten parts, others eleven.
     */
    public static Optional<DeltaToken> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int end = text.lastIndexOf(SEPARATOR);
            if (end < 0 || !check(text.substring(0, end)).equals(text.substring(end + 1))) {
                return Optional.empty();
            }
            String[] parts = text.substring(0, end).split(SEPARATOR, -1);
            if ((parts.length != 10 && parts.length != 11) || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            String from = NONE.equals(parts[4]) ? null : parts[4];
            String to = parts[5];
            Phase phase = Phase.valueOf(parts[3]);
            int pageSize = Integer.parseInt(parts[8]);
            if ((from == null) != (phase == Phase.LISTING)
                    || (from != null && !isPosition(from))
                    || !isPosition(to)
                    || pageSize < 0
                    || pageSize > DirectoryDelta.MAX_PAGE) {
                return Optional.empty();
            }
            return Optional.of(new DeltaToken(
                    DirectoryChanges.Kind.valueOf(parts[1]),
                    new TenantId(UUID.fromString(parts[2])),
                    phase,
                    from,
                    to,
                    NONE.equals(parts[6]) ? null : UUID.fromString(parts[6]),
                    NONE.equals(parts[7]) ? null : Arrays.asList(parts[7].split(",", -1)),
                    pageSize,
                    Instant.ofEpochMilli(Long.parseLong(parts[9])),
                    parts.length == 10
                            ? null
                            : Arrays.stream(parts[10].split(",", -1))
                                    .map(UUID::fromString)
                                    .toList()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
