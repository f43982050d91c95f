/**
 * Returns: return requests with gap-free RMA numbers (by API and by agents), the return policy (window after
 * delivery, articles that cannot be returned, who pays return shipping), receiving and inspection (resellable
 * units back to available stock, damaged or incomplete ones into quarantine or written off, all through
 * inventory's ledger), and the refund, paid exactly once through payment with a credit note from billing. The
 * API is {@link org.ordo.returns.ReturnManagement}; settings are {@link org.ordo.returns.ReturnPolicy}.
 */
package org.ordo.returns;
