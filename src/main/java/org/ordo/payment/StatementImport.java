package org.ordo.payment;

import java.util.List;
import java.util.UUID;

/** The result of a bank statement import: what was matched to orders, and what waits for review. */
public record StatementImport(UUID documentId, int lines, List<Matched> matched, List<Unmatched> unmatched) {

    public record Matched(int line, String order, String amount, String currency) {
    }

    public record Unmatched(int line, String text, String reason) {
    }
}
