/**
 * Events out: receivers subscribe a URL to public event types ({@link org.ordo.webhooks.EventType}); each event
 * of the other modules that a receiver may hear of becomes one {@link org.ordo.webhooks.PublicEvent} with a
 * stable JSON schema, written in the transaction of its change to an outbox and delivered to every subscription
 * signed as Standard Webhooks prescribes, at least once, in order per order, with back-off, a delivery log,
 * manual redelivery and disabling after a day of failures (the admin is mailed). With Kafka configured, the same
 * events go to Kafka topics through the event publication registry. The API is
 * {@link org.ordo.webhooks.WebhookManagement}; docs/webhooks.md describes it for users.
 */
package org.ordo.webhooks;
