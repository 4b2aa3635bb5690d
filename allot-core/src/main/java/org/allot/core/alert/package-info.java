/**
 * Alerts (docs/alerts.md): per tenant, rules that say when a product's free seats are too few, a subscription is about
 * to expire or has lapsed ({@code Warning}, {@code Suspended}), or a waiting list has grown too long; a scheduled,
 * idempotent step that raises an alert once when its condition starts and resolves it when it ends; and their
 * delivery to the webhooks that subscribed to {@code /allot/v1/alerts}, through change notifications' durable outbox.
 * Above {@code subscription} and {@code notification}, which know nothing of it.
 */
package org.allot.core.alert;
