package org.allot.core.rules;

import java.util.ArrayList;
import java.util.List;
import org.allot.core.directory.User;
import org.allot.core.rules.RulePreview.Person;

/** A count and the first users counted. */
final class PeoplePage {
    private final int size;
    private final List<Person> people = new ArrayList<>();
    private long count;

    PeoplePage(int size) {
        this.size = size;
    }

    void add(User user) {
        count++;
        if (people.size() < size) {
            people.add(Person.of(user));
        }
    }

    long count() {
        return count;
    }

    List<Person> people() {
        return people;
    }
}
