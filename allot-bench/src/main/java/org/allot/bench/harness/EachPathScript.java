package org.allot.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A <a href="https://github.com/wg/wrk/blob/master/SCRIPTING">wrk script</a> that POSTs one JSON body to each path of
 * a list once: thread {@code t} of {@code n} sends paths {@code t}, {@code t + n}, {@code t + 2n}, … When the list runs
 * out, a thread asks for a path that answers 404, which {@link Load#postEach} sees as the list too short.
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
              for line in io.lines(args[1]) do paths[#paths + 1] = line end
              step = tonumber(args[2])
              local file = io.open(args[3], "rb")
              body = file:read("*a")
              file:close()
              i = offset + 1 - step
            end
            function request()
              i = i + step
              if i > #paths then
                return wrk.format("GET", "/allot-bench/no-paths-left")
              end
              return wrk.format("POST", paths[i], nil, body)
            end
            """;

    private EachPathScript() {}

    /** wrk's options and script arguments (after {@code --}) for these paths, this body and this many threads. */
    static List<String> arguments(List<String> paths, String json, int threads) {
        try {
            Path dir = Files.createTempDirectory("allot-bench-wrk");
            Path script = Files.writeString(dir.resolve("each-path.lua"), SCRIPT, StandardCharsets.UTF_8);
            Path list = Files.write(dir.resolve("paths.txt"), paths, StandardCharsets.UTF_8);
            Path body = Files.writeString(dir.resolve("body.json"), json, StandardCharsets.UTF_8);
            dir.toFile().deleteOnExit();
            List.of(script, list, body).forEach(f -> f.toFile().deleteOnExit());
            return List.of(
                    "-s",
                    script.toString(),
                    "-H",
                    "Content-Type: application/json",
                    "--",
                    list.toString(),
                    Integer.toString(threads),
                    body.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
