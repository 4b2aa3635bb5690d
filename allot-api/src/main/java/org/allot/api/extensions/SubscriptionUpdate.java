package org.allot.api.extensions;

/** Changes a subscription's seats, its status, or both. */
public record SubscriptionUpdate(Integer seats, String status) {}
