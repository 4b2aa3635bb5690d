/**
 * Change notifications, as Microsoft Graph's webhooks: subscriptions to changes of users and groups, the validation
 * handshake, a relay from the directory's change log (the one that delta queries read) into a durable outbox, and its
 * delivery with retries, backoff and lifecycle notifications. Sits above {@code directory}, whose change log it reads.
 */
package org.allot.core.notification;
