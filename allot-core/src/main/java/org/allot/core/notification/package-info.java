/**
 * Change notifications, as Microsoft Graph's webhooks: subscriptions to changes of users and groups, the validation
 * handshake, a durable outbox that the directory's changes fan out into within their own unit of work, and its
 * delivery with retries, backoff and lifecycle notifications. Sits above {@code directory}, which it listens to.
 */
package org.allot.core.notification;
