package org.ordo.purchasing;

import java.time.LocalDate;

/**
 * Available to promise of a SKU from a date on: what is available now plus what is expected by then, less what
 * backordered orders wait for (they are served first). Never below 0.
 */
public record PromisableStock(LocalDate from, long quantity) {
}
