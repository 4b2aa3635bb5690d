package org.allot.server.ldap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The directory side of {@link SyncLicenseRaceIT}: a generic LDAP directory whose users join and leave licensed
 * groups, move out of the connector's scope (into an excluded subtree) and back, are deleted and created again, and
 * whose nested group is nested and taken out again, as an administrator would do it; with a model of what it holds, to
 * tell what Allot must hold once a full run has read it. The server keeps {@code member} right on renames and
 * deletions (referential integrity), as Active Directory does. Users change departments, which a dynamic group's rule
 * follows. Every group keeps Hedy, who is never changed: a
 * groupOfNames needs a member.
 */
final class RacingDirectory {
    static final String PEOPLE = "ou=people,DC=contoso,DC=com";
    static final String AWAY = "ou=away,DC=contoso,DC=com";
    static final String GROUPS = "ou=groups,DC=contoso,DC=com";
    static final String HEDY = "hedy";
    static final String HEDY_NAME = "hedy.lamarr@contoso.com";
    /** The nested group, and the group it may be nested in. */
    static final String TEAM = "team";

    static final String PARENT = "staff";

    /** The departments users are in, which a dynamic group's rule follows. */
    static final List<String> DEPARTMENTS = List.of("Legal", "Finance", "Sales");

    private enum Place {
        IN_SCOPE,
        AWAY,
        DELETED
    }

    private final TestDirectory directory;
    private final Map<String, Place> users = new TreeMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private boolean nested;

    RacingDirectory(TestDirectory directory, List<String> groups, int userCount, Random random) throws Exception {
        this.directory = directory;
        directory.add("dn: " + AWAY, "objectClass: top", "objectClass: organizationalUnit", "ou: away");
        for (int i = 0; i < userCount; i++) {
            create("u" + i);
        }
        for (String group : groups) {
            directory.add(
                    "dn: cn=" + group + "," + GROUPS,
                    "objectClass: top",
                    "objectClass: groupOfNames",
                    "cn: " + group,
                    "member: uid=" + HEDY + "," + PEOPLE);
            members.put(group, new TreeSet<>());
        }
        for (String user : List.copyOf(users.keySet())) {
            for (String group : groups) {
                if (random.nextInt(3) == 0) {
                    join(group, user);
                }
            }
        }
        nest(true);
    }

    /** One random change, of one user or (one time in four) of several at once, and what it was. */
    String change(Random random) throws Exception {
        List<String> groups = List.copyOf(members.keySet());
        String group = groups.get(random.nextInt(groups.size()));
        int several = random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 1;
        int dice = random.nextInt(100);
        if (dice < 30) {
            List<String> joining = pick(
                    random, Place.IN_SCOPE, several, u -> !members.get(group).contains(u));
            for (String user : joining) {
                join(group, user);
            }
            return joining + " join " + group;
        }
        if (dice < 52) {
            List<String> leaving =
                    pick(random, null, several, u -> members.get(group).contains(u));
            for (String user : leaving) {
                directory.removeValue("cn=" + group + "," + GROUPS, "member", dn(user));
                members.get(group).remove(user);
            }
            return leaving + " leave " + group;
        }
        if (dice < 66) {
            List<String> moving = pick(random, Place.IN_SCOPE, several, u -> true);
            for (String user : moving) {
                directory.rename("uid=" + user + "," + PEOPLE, "uid=" + user, AWAY);
                users.put(user, Place.AWAY);
            }
            return moving + " move out of scope";
        }
        if (dice < 80) {
            List<String> moving = pick(random, Place.AWAY, several, u -> true);
            for (String user : moving) {
                directory.rename("uid=" + user + "," + AWAY, "uid=" + user, PEOPLE);
                users.put(user, Place.IN_SCOPE);
            }
            return moving + " move back into scope";
        }
        if (dice < 84) {
            List<String> moving = pick(random, Place.IN_SCOPE, several, u -> true);
            String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
            for (String user : moving) {
                directory.replace("uid=" + user + "," + PEOPLE, "departmentNumber", department);
            }
            return moving + " move to " + department;
        }
        if (dice < 88) {
            List<String> deleted = pick(random, Place.IN_SCOPE, several, u -> true);
            for (String user : deleted) {
                directory.delete("uid=" + user + "," + PEOPLE);
                users.put(user, Place.DELETED);
                members.values().forEach(m -> m.remove(user));
            }
            return deleted + " are deleted";
        }
        if (dice < 95) {
            List<String> created = pick(random, Place.DELETED, several, u -> true);
            for (String user : created) {
                create(user);
                join(group, user);
            }
            return created + " are created again and join " + group;
        }
        nest(!nested);
        return nested ? TEAM + " is nested in " + PARENT : TEAM + " is taken out of " + PARENT;
    }

    /** The direct members a full run must leave in Allot: user principal names of users in scope, group names. */
    Map<String, Set<String>> expectedMembers() {
        Map<String, Set<String>> expected = new TreeMap<>();
        members.forEach((group, listed) -> {
            Set<String> names = listed.stream()
                    .filter(u -> users.get(u) == Place.IN_SCOPE)
                    .map(RacingDirectory::principalName)
                    .collect(Collectors.toCollection(TreeSet::new));
            names.add(HEDY_NAME);
            if (nested && group.equals(PARENT)) {
                names.add(TEAM);
            }
            expected.put(group, names);
        });
        return expected;
    }

    /** The users a full run must leave in Allot, not deleted, by principal name (Hedy's group fellows included). */
    Set<String> expectedUsers() {
        return users.entrySet().stream()
                .filter(e -> e.getValue() == Place.IN_SCOPE)
                .map(e -> principalName(e.getKey()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String principalName(String uid) {
        return uid + "@contoso.com";
    }

    private void create(String uid) throws Exception {
        directory.add(
                "dn: uid=" + uid + "," + PEOPLE,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: Racer " + uid,
                "sn: " + uid,
                "mail: " + principalName(uid),
                "departmentNumber: " + DEPARTMENTS.get(Math.floorMod(uid.hashCode(), DEPARTMENTS.size())));
        users.put(uid, Place.IN_SCOPE);
    }

    private void join(String group, String user) throws Exception {
        directory.addValue("cn=" + group + "," + GROUPS, "member", dn(user));
        members.get(group).add(user);
    }

    private void nest(boolean nest) throws Exception {
        String parent = "cn=" + PARENT + "," + GROUPS;
        String child = "cn=" + TEAM + "," + GROUPS;
        if (nest) {
            directory.addValue(parent, "member", child);
        } else {
            directory.removeValue(parent, "member", child);
        }
        nested = nest;
    }

    private String dn(String user) {
        return "uid=" + user + "," + (users.get(user) == Place.AWAY ? AWAY : PEOPLE);
    }

    /** Up to {@code count} users, chosen at random, in {@code place} (any when null) and as {@code also} says. */
    private List<String> pick(Random random, Place place, int count, java.util.function.Predicate<String> also) {
        List<String> found = new ArrayList<>();
        users.forEach((uid, at) -> {
            if ((place == null ? at != Place.DELETED : at == place) && also.test(uid)) {
                found.add(uid);
            }
        });
        java.util.Collections.shuffle(found, random);
        return found.subList(0, Math.min(count, found.size()));
    }
}
