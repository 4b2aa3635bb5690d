package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.allot.core.TenantId;
import org.junit.jupiter.api.Test;

class DeltaTokenTest {
    private static final TenantId TENANT = TenantId.random();
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void aTokenReadsBackAsItWasHandedOut() {
        DeltaToken page = new DeltaToken(
                DirectoryChanges.Kind.GROUPS,
                TENANT,
                DeltaToken.Phase.CHANGES,
                "100:105:101,103",
                "104:110:",
                UUID.randomUUID(),
                List.of("id", "displayName", "members"),
                25,
                NOW,
                null);

        assertThat(DeltaToken.decode(page.encode())).contains(page);
        assertThat(page.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenCarriesTheIdsItFollowsAndOneOfFiftyIdsFitsItsLimit() {
        List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID)
                .limit(DirectoryDelta.MAX_IDS)
                .toList();
        List<String> select = List.copyOf(java.util.Collections.nCopies(60, "onPremisesSamAccountName"));
        DeltaToken link = DeltaToken.nextRound(DirectoryChanges.Kind.USERS, TENANT, "7:9:8", select, ids, NOW);

        assertThat(DeltaToken.decode(link.encode()).orElseThrow().ids()).isEqualTo(ids);
    }

    @Test
    void aDeltaLinkStartsTheNextRoundWhereTheRoundEnded() {
        DeltaToken link = DeltaToken.nextRound(DirectoryChanges.Kind.USERS, TENANT, "7:9:8", null, null, NOW);

        DeltaToken read = DeltaToken.decode(link.encode()).orElseThrow();

        assertThat(read.phase()).isEqualTo(DeltaToken.Phase.NEXT_ROUND);
        assertThat(read.from()).isEqualTo("7:9:8");
        assertThat(read.select()).isNull();
        assertThat(read.after()).isNull();
    }

    @Test
    void alteredTruncatedOrForeignTextIsNoToken() {
        String token = DeltaToken.nextRound(DirectoryChanges.Kind.USERS, TENANT, "7:9:8", List.of("id"), null, NOW)
                .encode();

        assertThat(DeltaToken.decode(token.substring(0, token.length() - 3))).isEmpty();
        assertThat(DeltaToken.decode(token.replace('A', 'B'))).isEmpty();
        assertThat(DeltaToken.decode(encoded("d1~USERS~" + TENANT + "~NEXT_ROUND~1:9:~1:9:~-~-~0~1")))
                .as("the same with its check")
                .isPresent();
        assertThat(DeltaToken.decode("latest")).isEmpty();
        assertThat(DeltaToken.decode("%%%")).isEmpty();
        assertThat(DeltaToken.decode("")).isEmpty();
        assertThat(DeltaToken.decode(null)).isEmpty();
        assertThat(DeltaToken.decode(encoded("d1~USERS~" + TENANT + "~NEXT_ROUND~9:7:~9:7:~-~-~0~1")))
                .as("a snapshot whose xmin is above its xmax")
                .isEmpty();
        assertThat(DeltaToken.decode(encoded("d1~USERS~" + TENANT + "~NEXT_ROUND~1:9:1;drop~1:9:~-~-~0~1")))
                .isEmpty();
        assertThat(DeltaToken.decode(encoded("d2~USERS~" + TENANT + "~NEXT_ROUND~1:9:~1:9:~-~-~0~1")))
                .as("another version")
                .isEmpty();
        assertThat(DeltaToken.decode(encoded("d1~USERS~" + TENANT + "~LISTING~1:9:~1:9:~-~-~0~1")))
                .as("a listing has no start")
                .isEmpty();
    }

    @Test
    void positionsAreSnapshotsWithTheirRunningTransactionsInOrderBetweenTheirBounds() {
        assertThat(DeltaToken.isPosition("5:5:")).isTrue();
        assertThat(DeltaToken.isPosition("5:9:5,7")).isTrue();
        assertThat(DeltaToken.isPosition("5:9:7,5")).isFalse();
        assertThat(DeltaToken.isPosition("5:9:9")).isFalse();
        assertThat(DeltaToken.isPosition("5:9:4")).isFalse();
        assertThat(DeltaToken.isPosition("0:9:")).isFalse();
        assertThat(DeltaToken.isPosition("5:9")).isFalse();
        assertThat(DeltaToken.isPosition("1234567890123456789:1234567890123456789:"))
                .isFalse();
    }

    /** A token's text with a correct check, as a client that knows the format could make one. */
    private static String encoded(String text) {
        String checked;
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            checked = text + "~" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(checked.getBytes(StandardCharsets.UTF_8));
    }
}
