package org.allot.api.extensions;

import java.util.List;

/**
 * A connection test: the steps that ran, in order, stopping at the first that failed.
 *
 * @param succeeded whether every step passed
 */
public record DirectorySyncConnectionTest(Boolean succeeded, List<Step> steps) {

    /**
     * @param step {@code DNS}, {@code CONNECT}, {@code TLS}, {@code BIND}, {@code BASE_DN}, {@code USER_FILTER} or
     *     {@code GROUP_FILTER}
     * @param detail what was found, or what failed and what to do about it
     */
    public record Step(String step, Boolean passed, String detail) {}
}
