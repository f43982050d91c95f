/**
 * Where mail and paper come in: IMAP mailboxes polled on a schedule, each mail stored once as an inbound document
 * (intake), and its parts routed: EDI interchanges to the EDI path, PDFs read by text extraction, scans and faxes
 * read by OCR, free text read for article numbers and quantities, each of those into intake's review queue with a
 * draft order that a person confirms. Nothing read here becomes an order without that confirmation. The API is
 * {@link org.ordo.mailroom.Mailroom}; docs/intake.md describes it for users.
 */
package org.ordo.mailroom;
