/**
 * License requests (docs/delegation.md#license-requests): filed for a user by an app or an administrator, recording
 * the user's manager; approved (as asked or partly) by an administrator whose scope covers the user, or by an app on
 * the manager's behalf; denied, expired by a scheduled step, or cancelled by whoever filed it. An approved request is
 * granted through licensing's own use cases (a direct assignment that may wait for a seat, or a group membership), and
 * every change is audited and queued for the webhooks that watch {@code /allot/v1/licenseRequests}. Above {@code
 * assignment} and {@code notification}, which know nothing of it.
 */
package org.allot.core.request;
