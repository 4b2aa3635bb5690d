package org.allot.api.extensions;

/** A group's place in waiting lists: members waiting through a higher priority are served first (default 0). */
public record GroupLicensing(Integer licensePriority) {}
