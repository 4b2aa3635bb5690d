package org.allot.core.directory;

/** Member of the organisation, or a B2B guest. */
public enum UserType {
    Member,
    Guest
}
