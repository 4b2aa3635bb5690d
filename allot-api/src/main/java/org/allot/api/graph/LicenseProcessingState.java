package org.allot.api.graph;

public record LicenseProcessingState(String state) {}
