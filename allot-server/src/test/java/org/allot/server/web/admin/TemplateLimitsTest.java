package org.allot.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md, "Where each rule lives": the admin center's forms read the limits that core (or security)
 * checks from {@link Limits}, never a copy of the number. A literal upper bound ({@code maxlength="…"}, {@code
 * max="…"}) stands only on the fields below, whose length no rule checks (or checks by a pattern): the form's own
 * hint.
 */
class TemplateLimitsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Map<String, Set<String>> FORM_ONLY = Map.of(
            "login.html", Set.of("username"),
            "administrators.html", Set.of("username"),
            "licenses/detail.html", Set.of("price", "currency", "group"),
            "sync/page.html", Set.of("url"),
            "domains.html", Set.of("domain"),
            "fragments/picker.html", Set.of("pick"),
            "groups/detail.html", Set.of("member"));
    private static final Pattern FIELD = Pattern.compile("<(input|textarea)\\b[^>]*>");
    private static final Pattern LITERAL_BOUND = Pattern.compile("(?<![:\\w-])(maxlength|max)=\"\\d+\"");
    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]+)\"");

    @Test
    void formsReadTheLimitsOfTheRulesFromLimits() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String template = TEMPLATES.relativize(file).toString().replace('\\', '/');
                Matcher field = FIELD.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (field.find()) {
                    if (!LITERAL_BOUND.matcher(field.group()).find()) {
                        continue;
                    }
                    Matcher name = NAME.matcher(field.group());
                    String named = name.find() ? name.group(1) : "";
                    if (!FORM_ONLY.getOrDefault(template, Set.of()).contains(named)) {
                        copies.add(template + ": " + field.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(copies)
                .as("fields with a literal bound: read it from Limits (th:maxlength=\"${limits.…}\")")
                .isEmpty();
    }

    @Test
    void theTemplatesAreFound() {
        assertThat(TEMPLATES.resolve("groups/detail.html")).exists();
    }
}
