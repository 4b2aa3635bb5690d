package org.allot.core.directory;

/** Whether guest members of licensed groups inherit the group's licenses. */
public enum GuestLicensing {
    /** Guests in licensed groups are not licensed through the group (the default). */
    BLOCK,
    /** Guests are licensed through groups like members. */
    ALLOW
}
