/**
 * Messages to customers: the order confirmation, shipping and delivery notices, download links, invoices and
 * credit notes (with their documents attached), payment reminders, delay notices and quotes, written in the
 * transaction of the change that caused them (table {@code message}, the outbox), rendered from templates per
 * locale (operators may override them in a folder), and sent by e-mail with retries and back-off by a dispatcher
 * that several nodes may run at once. Shipping and delay notices also go out as SMS through an HTTP gateway to
 * customers who agreed to SMS. Without an SMTP server (or SMS gateway) the messages are kept and readable in the
 * API. The API is {@link org.ordo.notification.Notifications}.
 */
package org.ordo.notification;
