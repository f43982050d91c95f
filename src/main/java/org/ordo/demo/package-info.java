/**
 * Demo data for a first look: three warehouses, about fifty articles (physical and digital), customers in
 * every language, suppliers, stock and a few orders. Loaded through the other modules' APIs into an empty
 * database when {@code ORDO_DEMO_DATA} is true (default on the embedded database).
 */
package org.ordo.demo;
