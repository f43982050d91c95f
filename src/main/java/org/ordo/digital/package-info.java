/**
 * Digital goods: the files of digital articles and the download entitlements of released orders (an
 * unguessable link, an expiry, a download limit, downloads counted). The API is
 * {@link org.ordo.digital.DigitalDelivery}.
 */
package org.ordo.digital;
