package org.allot.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A <a href="https://github.com/wg/wrk/blob/master/SCRIPTING">wrk script</a> that sends each POST of a list once (a
 * path and a JSON body, one per line of a file, a tab between them): thread {@code t} of {@code n} sends posts
 * {@code t}, {@code t + n}, {@code t + 2n}, … When the list runs out, a thread asks for a path that answers 404,
 * which {@link Load#postEach} sees as the list too short.
 */
final class EachPathScript {
    private static final String SCRIPT = """
            local threads = 0
            function setup(thread)
              thread:set("offset", threads)
              threads = threads + 1
            end
            function init(args)
              paths = {}
              bodies = {}
              for line in io.lines(args[1]) do
                local tab = string.find(line, "\t", 1, true)
                paths[#paths + 1] = string.sub(line, 1, tab - 1)
                bodies[#bodies + 1] = string.sub(line, tab + 1)
              end
              step = tonumber(args[2])
              i = offset + 1 - step
            end
            function request()
              i = i + step
              if i > #paths then
                return wrk.format("GET", "/allot-bench/no-paths-left")
              end
              return wrk.format("POST", paths[i], nil, bodies[i])
            end
            """;

    private EachPathScript() {}

    /** wrk's options and script arguments (after {@code --}) for these posts and this many threads. */
    static List<String> arguments(List<Load.Post> posts, int threads) {
        try {
            Path dir = Files.createTempDirectory("allot-bench-wrk");
            Path script = Files.writeString(dir.resolve("each-path.lua"), SCRIPT, StandardCharsets.UTF_8);
            Path list = Files.write(
                    dir.resolve("posts.txt"),
                    posts.stream().map(p -> p.path() + "\t" + p.json()).toList(),
                    StandardCharsets.UTF_8);
            dir.toFile().deleteOnExit();
            List.of(script, list).forEach(f -> f.toFile().deleteOnExit());
            return List.of(
                    "-s",
                    script.toString(),
                    "-H",
                    "Content-Type: application/json",
                    "--",
                    list.toString(),
                    Integer.toString(threads));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
