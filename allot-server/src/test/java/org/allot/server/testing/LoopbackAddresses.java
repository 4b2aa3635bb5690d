package org.allot.server.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback addresses for {@link LoopbackClient}s, a new one for each use within a test JVM (127.1.0.1, 127.1.0.2, …),
 * so that tests sharing a server and its database never share a source address.
 */
public final class LoopbackAddresses {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackAddresses() {}

    public static String next() {
        int n = NEXT.getAndIncrement();
        return "127." + (1 + n / 62_500 % 250) + "." + (n / 250 % 250) + "." + (1 + n % 250);
    }
}
