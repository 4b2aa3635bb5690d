package org.allot.api.extensions;

/**
 * The days a product holds a removed license, from 0 (freed at once, the default) to the most the server takes (core's
 * {@code RemovalGrace.MAX_DAYS}; a request above it is refused with the limit in its message).
 */
public record RemovalGraceUpdate(Integer removalGraceDays) {}
