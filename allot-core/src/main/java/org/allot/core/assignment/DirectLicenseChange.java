package org.allot.core.assignment;

/** What a change of many users' direct licenses does with one SKU. */
public enum DirectLicenseChange {
    /** Adds the SKU to users who do not hold it directly. */
    ADD,
    /** Replaces the users' other direct licenses with the SKU. */
    REPLACE,
    /** Removes the SKU from users who hold it directly. */
    REMOVE
}
