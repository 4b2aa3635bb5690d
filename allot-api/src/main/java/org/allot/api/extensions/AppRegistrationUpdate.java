package org.allot.api.extensions;

/** A change to an app: its role (an Entra administrator role name, such as {@code Global Reader}). */
public record AppRegistrationUpdate(String role) {}
