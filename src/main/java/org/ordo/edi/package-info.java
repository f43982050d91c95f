/**
 * EDI with business customers: trading partners, EDIFACT {@code ORDERS} interchanges in (each message placed as an
 * order through the ordering module, the interchange stored once as an inbound document by intake), and
 * {@code CONTRL} acknowledgements out, numbered per partner. The API is {@link org.ordo.edi.EdiManagement};
 * docs/edi.md describes it for users.
 */
package org.ordo.edi;
