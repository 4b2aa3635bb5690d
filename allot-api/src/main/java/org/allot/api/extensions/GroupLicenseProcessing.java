package org.allot.api.extensions;

/**
 * How applying a group's licenses stands ({@code GET /allot/v1/groups/{id}/licenseProcessing}): its
 * {@code licenseProcessingState} as Graph says it ({@code QueuedForProcessing}, {@code ProcessingInProgress},
 * {@code ProcessingComplete}) and, while a background run is queued or under way, how many users it has processed so
 * far and how many of them got their licenses ({@code succeeded}) or are in error ({@code failed}); null otherwise.
 * Small changes are applied within their request and have no background run.
 */
public record GroupLicenseProcessing(
        String groupId, String licenseProcessingState, Integer usersProcessed, Integer succeeded, Integer failed) {}
