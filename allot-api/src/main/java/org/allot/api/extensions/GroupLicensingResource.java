package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonRootName;

/** A group's place in waiting lists: members waiting through a higher priority are served first (default 0). */
@JsonRootName("GroupLicensing")
public record GroupLicensingResource(Integer licensePriority) {}
