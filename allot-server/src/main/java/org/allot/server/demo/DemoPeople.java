package org.allot.server.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;

/**
 * The demo tenant's people: about 200 staff in eight departments, with names, titles and cities drawn from a seeded
 * {@link Random}, a quarter of them synced from on-premises Active Directory (without a usage location, one in twenty
 * disabled), and guests from partner companies.
 */
final class DemoPeople {
    private static final String[] FIRST = {
        "Ada",
        "Alan",
        "Grace",
        "Linus",
        "Margaret",
        "Dennis",
        "Barbara",
        "Ken",
        "Frances",
        "Edsger",
        "Radia",
        "Tim",
        "Katherine",
        "John",
        "Hedy",
        "Donald",
        "Annie",
        "Claude",
        "Joan",
        "Niklaus",
        "Karen",
        "Bjarne",
        "Sophie",
        "Guido",
        "Mary",
        "James",
        "Lynn",
        "Erik",
        "Ingrid",
        "Mohammed",
        "Priya",
        "Chen",
        "Aiko",
        "Lars",
        "Sofia"
    };
    private static final String[] LAST = {
        "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra",
        "Perlman", "Berners-Lee", "Johnson", "Backus", "Lamarr", "Knuth", "Easley", "Shannon", "Clarke", "Wirth",
        "Jones", "Stroustrup", "Wilson", "Rossum", "Keller", "Gosling", "Conway", "Lindqvist", "Berg", "Haddad",
        "Patel", "Wei", "Tanaka", "Nilsson", "Rossi"
    };
    private static final Map<String, Integer> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("Sales", 40);
        DEPARTMENTS.put("Marketing", 22);
        DEPARTMENTS.put("Engineering", 50);
        DEPARTMENTS.put("Finance", 20);
        DEPARTMENTS.put("Support", 30);
        DEPARTMENTS.put("HR", 15);
        DEPARTMENTS.put("Legal", 10);
        DEPARTMENTS.put("Executive", 11);
    }

    /** The staff hired, by department (in the order above) and all of them. */
    record Staff(Map<String, List<UserId>> byDepartment, List<UserId> everyone) {}

    private final UserDirectory users;

    DemoPeople(UserDirectory users) {
        this.users = users;
    }

    /** Creates the staff of every department; the same {@code random} makes the same people. */
    Staff hire(Caller admin, Random random) {
        Map<String, List<UserId>> byDepartment = new LinkedHashMap<>();
        List<UserId> everyone = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Integer> department : DEPARTMENTS.entrySet()) {
            for (int i = 0; i < department.getValue(); i++) {
                n++;
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                boolean synced = random.nextInt(4) == 0;
                User user = person(admin, n, first, last, department.getKey(), synced, random);
                byDepartment
                        .computeIfAbsent(department.getKey(), d -> new ArrayList<>())
                        .add(user.id());
                everyone.add(user.id());
            }
        }
        return new Staff(byDepartment, everyone);
    }

    private User person(
            Caller admin, int n, String first, String last, String department, boolean synced, Random random) {
        String alias = (first.charAt(0) + last.replace("-", "")).toLowerCase(Locale.ROOT) + n;
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, alias + "@contoso.com");
        values.put(UserAttribute.DISPLAY_NAME, first + " " + last);
        values.put(UserAttribute.GIVEN_NAME, first);
        values.put(UserAttribute.SURNAME, last);
        values.put(UserAttribute.MAIL, alias + "@contoso.com");
        values.put(UserAttribute.DEPARTMENT, department);
        values.put(UserAttribute.JOB_TITLE, department.equals("Executive") ? "Director" : department + " specialist");
        values.put(UserAttribute.COMPANY_NAME, "Contoso");
        values.put(UserAttribute.EMPLOYEE_ID, String.format(Locale.ROOT, "E%05d", n));
        String[] places = {"US", "US", "US", "GB", "DE", "SE", "CA"};
        String[] cities = {"Seattle", "New York", "Austin", "London", "Berlin", "Stockholm", "Toronto"};
        int place = random.nextInt(places.length);
        values.put(UserAttribute.CITY, cities[place]);
        if (synced) {
            values.put(UserAttribute.ACCOUNT_ENABLED, random.nextInt(20) != 0);
            String immutableId = java.util.Base64.getEncoder()
                    .encodeToString(UUID.nameUUIDFromBytes(("contoso-ad:" + n).getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8))
                    .substring(0, 24);
            return users.provisionSynced(admin.as(Actor.DIRECTORY_SYNC), values, immutableId, alias)
                    .value();
        }
        values.put(UserAttribute.USAGE_LOCATION, places[place]);
        return users.create(admin, values).value();
    }

    UserId guest(Caller admin, String upn, String displayName) {
        Map<UserAttribute, Object> values = new LinkedHashMap<>();
        values.put(UserAttribute.USER_PRINCIPAL_NAME, upn);
        values.put(UserAttribute.DISPLAY_NAME, displayName);
        values.put(UserAttribute.USER_TYPE, "Guest");
        return users.create(admin, values).value().id();
    }
}
