package org.allot.bench.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The ids {@link Fixtures} gives bulk-loaded users, computed in the harness: {@code md5(prefix || i)::uuid}. */
public final class Ids {
    private Ids() {}

    public static UUID user(String prefix, int i) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((prefix + i).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5);
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
