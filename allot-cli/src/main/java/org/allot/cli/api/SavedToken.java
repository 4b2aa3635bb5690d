package org.allot.cli.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The access token of the last run, kept beside the config file (owner-only, as the secret itself) until a minute
 * before it expires, so a command does not ask for a new one each time (one round trip and the server's check of the
 * secret). It belongs to one server, app and secret: a change of any of them, or a 401, fetches a new one.
 */
public final class SavedToken {
    private static final long MARGIN_SECONDS = 60;
    private final Path file;

    public SavedToken(Path configFile) {
        this.file = configFile.resolveSibling(configFile.getFileName() + ".token");
    }

    public Path file() {
        return file;
    }

    /** The saved token for these credentials, when there is one that has more than a minute left. */
    public Optional<String> read(Credentials credentials) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode saved = JsonTree.parse(Files.readString(file, StandardCharsets.UTF_8));
            String token = saved.path("accessToken").asString("");
            if (!saved.path("key").asString("").equals(key(credentials))
                    || token.isEmpty()
                    || saved.path("expiresAt").asLong(0) < Instant.now().getEpochSecond() + MARGIN_SECONDS) {
                return Optional.empty();
            }
            return Optional.of(token);
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    /** Keeps the token; a token that cannot be kept is simply fetched again next time. */
    public void write(Credentials credentials, String token) {
        try {
            long expires = Api.claims(token).path("exp").asLong(0);
            if (expires == 0) {
                return;
            }
            String json = Api.json()
                    .writeValueAsString(
                            java.util.Map.of("key", key(credentials), "accessToken", token, "expiresAt", expires));
            ConfigFile.writePrivately(file, json);
        } catch (RuntimeException e) {
            // not kept: the next run fetches a token
        }
    }

    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** A digest of server, app and secret: the file never holds the secret, and a new secret drops the token. */
    private static String key(Credentials credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest =
                    sha.digest((credentials.url() + "\n" + credentials.clientId() + "\n" + credentials.clientSecret())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
