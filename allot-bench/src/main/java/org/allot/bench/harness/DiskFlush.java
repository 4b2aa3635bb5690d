package org.allot.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.allot.bench.run.Stats;

/**
 * What a durable commit waits for at least: an 8 KiB write and its flush to the disk ({@code FileChannel.force(false)},
 * {@code fdatasync} on Linux, as PostgreSQL flushes its WAL by default), timed one after the other in a temporary file
 * of the database's data directory (of the default temporary folder when the database is not local). A request that
 * commits cannot be faster than this, whatever the server does.
 */
public final class DiskFlush {
    private static final int PAGE = 8192;
    private static final int PAGES = 64;

    private DiskFlush() {}

    /**
     * The milliseconds of {@code times} writes each flushed, over a file of 64 pages written in turn, in
     * {@code directory} (null: the default temporary folder).
     */
    public static List<Double> measure(Path directory, int times) {
        Path file = null;
        try {
            file = directory == null
                    ? Files.createTempFile("allot-bench-flush", ".bin")
                    : Files.createTempFile(directory, "allot-bench-flush", ".bin");
            List<Double> millis = new ArrayList<>(times);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer page = ByteBuffer.allocate(PAGE);
                for (int i = 0; i < PAGES; i++) {
                    channel.write(page.clear(), (long) i * PAGE);
                }
                channel.force(true);
                for (int i = 0; i < times; i++) {
                    long started = System.nanoTime();
                    channel.write(page.clear(), (long) (i % PAGES) * PAGE);
                    channel.force(false);
                    millis.add(Stats.millisSince(started));
                }
            }
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException("could not time a flush to the disk", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
