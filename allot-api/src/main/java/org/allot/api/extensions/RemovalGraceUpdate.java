package org.allot.api.extensions;

/** The days a product holds a removed license, from 0 (freed at once, the default) to 365. */
public record RemovalGraceUpdate(Integer removalGraceDays) {}
