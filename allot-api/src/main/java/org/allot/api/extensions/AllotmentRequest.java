package org.allot.api.extensions;

/** What a POST or PATCH of an allotment sets; a PATCH leaves what it does not name as it is. */
public record AllotmentRequest(String displayName, String ownerType, String ownerId, Integer cap, Integer position) {}
