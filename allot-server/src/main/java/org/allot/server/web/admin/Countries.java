package org.allot.server.web.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The usage locations an administrator can choose: ISO 3166-1 countries, by English name. */
public final class Countries {
    public record Country(String code, String name) {}

    static final List<Country> ALL = Stream.of(Locale.getISOCountries())
            .map(code -> new Country(code, name(code)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    private Countries() {}

    static String name(String code) {
        String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name + " (" + code.toUpperCase(Locale.ROOT) + ")";
    }
}
