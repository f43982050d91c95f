/**
 * Customers (contact, locale, addresses, SMS consent, consumer or business) and suppliers.
 * The API is {@link org.ordo.party.PartyManagement}.
 */
package org.ordo.party;
