package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.allot.core.Outcome;

/**
 * A full read of one kind of object with reading and writing side by side: a thread of its own reads the directory's
 * pages ({@link DirectorySession#readAll}) and maps their entries, while the run's thread writes the page before.
 * At most one page waits between them. Only the reading thread touches the session and only the run's thread touches
 * the run, so the run's bookkeeping stays on one thread. A directory failure reaches the run's thread as it would have
 * without the second thread (the pages before it are written, nothing after); a failure of the writing stops the
 * reading before it is passed on. Neither thread outlives {@link #readAll}.
 */
final class ReadAhead {
    private static final Object END = new Object();

    private ReadAhead() {}

    /** One page as read and mapped: the entries, their census, and each entry's immutable id and mapped value. */
    record Page<T>(List<DirectoryEntry> entries, List<ScopeItem> items, List<String> ids, List<Outcome<T>> mapped) {}

    /** A failure of the reading thread, handed to the run's thread in place of a page. */
    private record Failed(RuntimeException failure) {}

    /**
     * Reads every object of {@code kind}, mapping each entry with {@code map} on the reading thread, and hands each
     * page to {@code write} on the calling thread, in the directory's order.
     */
    static <T> void readAll(
            DirectorySession session,
            ObjectKind kind,
            EntryMapper mapper,
            Function<DirectoryEntry, Outcome<T>> map,
            Consumer<Page<T>> write) {
        BlockingQueue<Object> pages = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(
                () -> {
                    Object last = END;
                    try {
                        session.readAll(kind, (entries, items) -> {
                            List<String> ids = new ArrayList<>(entries.size());
                            List<Outcome<T>> mapped = new ArrayList<>(entries.size());
                            for (DirectoryEntry entry : entries) {
                                ids.add(mapper.immutableId(kind, entry).orElse(null));
                                mapped.add(map.apply(entry));
                            }
                            hand(pages, new Page<>(entries, items, ids, mapped));
                        });
                    } catch (Stopped e) {
                        return;
                    } catch (RuntimeException e) {
                        last = new Failed(e);
                    } catch (Error e) {
                        // handed over too, or the run's thread would wait for a page forever
                        last = new Failed(new DirectoryFailure("Reading the directory failed: " + e, e));
                    }
                    try {
                        pages.put(last);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "allot-sync-read");
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            while (true) {
                Object next = take(pages);
                if (next == END) {
                    done = true;
                    return;
                }
                if (next instanceof Failed failed) {
                    done = true;
                    throw failed.failure();
                }
                @SuppressWarnings("unchecked")
                Page<T> page = (Page<T>) next;
                write.accept(page);
            }
        } finally {
            if (!done) {
                reader.interrupt();
            }
            join(reader, pages);
        }
    }

    private static void hand(BlockingQueue<Object> pages, Object page) {
        try {
            pages.put(Objects.requireNonNull(page));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static Object take(BlockingQueue<Object> pages) {
        try {
            return pages.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryFailure("Reading the directory was interrupted. Nothing was deleted.", e);
        }
    }

    /** Waits for the reading thread to end, dropping what it still hands over. */
    private static void join(Thread reader, BlockingQueue<Object> pages) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            pages.clear();
            try {
                reader.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
                reader.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run's thread stopped taking pages: the reading thread ends without handing more. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
