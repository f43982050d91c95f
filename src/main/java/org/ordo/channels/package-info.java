/**
 * Shop platforms as order channels: Shopify, WooCommerce and Shopware 6 shops registered with their signing secret
 * and API access; their order webhooks verified and placed as orders through intake's one placement path (the
 * webhook body stored as the original); and each shipment reported back to the shop through an outbox with
 * retries. The API is {@link org.ordo.channels.ChannelManagement}; docs/channels.md describes it for users.
 */
package org.ordo.channels;
