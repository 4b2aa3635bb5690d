package org.allot.server.web.admin;

import org.allot.core.Rejection;

/**
 * The one place where the admin center turns a refusal into plain words, by Graph's error code: the product's name
 * instead of its id, and the next step. The API keeps Graph's messages as they are.
 */
final class PlainWords {
    private static final String FAILED = "License assignment failed: ";

    private PlainWords() {}

    /** The refusal in plain words; {@code product} names the product the change was about (null: not known). */
    static String of(Rejection rejection, String product) {
        String named = product == null ? "the product" : product;
        String message = rejection.message().startsWith(FAILED)
                ? rejection.message().substring(FAILED.length())
                : rejection.message();
        return switch (rejection.code()) {
            case INVALID_USAGE_LOCATION ->
                "No usage location is set, and a license needs one: choose the user's country under Usage location,"
                        + " then save again.";
            case NO_AVAILABLE_LICENSES ->
                "No seat of " + named + " is free. Add seats to its subscription (Licenses → " + named
                        + "), or remove it from someone who no longer needs it.";
            case MUTUALLY_EXCLUSIVE_VIOLATION ->
                message + " Switch off one of the conflicting apps, or remove the other product first.";
            case DEPENDENCY_VIOLATION ->
                message + " Assign a product that includes the app it needs, or switch off the app that needs it.";
            case PROHIBITED_IN_USAGE_LOCATION ->
                message + " Switch off that app, or correct the user's usage location if it is wrong.";
            case INHERITED_LICENSE ->
                "The user gets " + named + " from a group, not directly: remove them from the group, or remove " + named
                        + " from the group.";
            case LICENSE_NOT_ASSIGNED -> "The user does not have " + named + " directly: there is nothing to remove.";
            case INVALID_LICENSE, LICENSE_NOT_ASSIGNABLE ->
                named + " is not a product of the tenant's subscriptions that can be given to users.";
            case NOT_FOUND -> "It no longer exists (deleted meanwhile?): reload the page.";
            default -> message;
        };
    }

    /** The refusal in plain words, for a change about no product in particular. */
    static String of(Rejection rejection) {
        return of(rejection, null);
    }
}
