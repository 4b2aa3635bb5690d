package org.allot.core;

/**
 * Why a request was refused. Knows nothing of HTTP: the server maps each code to a status and Graph's error body.
 */
public enum ErrorCode {
    /** The request itself is malformed or a value is out of range. */
    INVALID_REQUEST,
    /** The object named in the request does not exist in this tenant. */
    NOT_FOUND,
    /** Another object already holds a value that must be unique. */
    ALREADY_EXISTS,
    /** An attribute is owned by directory synchronisation and cannot be changed here. */
    READ_ONLY_ATTRIBUTE,
    /** Direct license assignment needs a usage location on the user. */
    INVALID_USAGE_LOCATION,
    /** The SKU is not one the tenant has a subscription for. */
    INVALID_LICENSE,
    /** The SKU applies to the company, not to users. */
    LICENSE_NOT_ASSIGNABLE,
    /** A disabled plan is not part of the SKU. */
    INVALID_SERVICE_PLAN,
    /** No seat is free for the SKU. */
    NO_AVAILABLE_LICENSES,
    /** A plan of the license is not available in the user's usage location. */
    PROHIBITED_IN_USAGE_LOCATION,
    /** A plan needs another plan the user would not have. */
    DEPENDENCY_VIOLATION,
    /** A plan cannot be combined with a plan the user already has. */
    MUTUALLY_EXCLUSIVE_VIOLATION,
    /** The license comes from a group and cannot be changed on the user. */
    INHERITED_LICENSE,
    /** The user does not hold the license the request removes. */
    LICENSE_NOT_ASSIGNED,
    /** Adding the member would make a group contain itself, or a membership rule would depend on itself. */
    MEMBERSHIP_CYCLE,
    /** The group still assigns licenses. */
    GROUP_HAS_LICENSES,
    /** The change conflicts with the current state of the object. */
    CONFLICT,
    /**
     * The caller's role is scoped to administrative units, and the object or the change is outside them (or is one
     * only a tenant-wide role may make).
     */
    OUTSIDE_SCOPE,
    /** A delta token is unknown, expired, of another tenant or collection: the client starts over without one. */
    SYNC_STATE_NOT_FOUND
}
