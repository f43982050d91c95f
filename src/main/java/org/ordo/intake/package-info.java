/**
 * Channels that bring orders in (REST, EDI, and order files with {@link org.ordo.intake.FileImports}, which also
 * imports article and opening-stock files; e-mail later), every inbound document stored as received and linked to
 * what it produced, idempotent order intake, and the review queue for documents that could not be processed. The
 * API is {@link org.ordo.intake.Intake}.
 */
package org.ordo.intake;
