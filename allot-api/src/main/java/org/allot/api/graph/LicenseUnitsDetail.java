package org.allot.api.graph;

public record LicenseUnitsDetail(int enabled, int lockedOut, int suspended, int warning) {}
