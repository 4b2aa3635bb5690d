package org.allot.api.extensions;

/** Forbids ({@code true}) or allows again ({@code false}) direct assignment, of the tenant's products or of one. */
public record GroupOnlyUpdate(Boolean groupOnly) {}
