/**
 * Costs and reports (docs/license-lifecycle.md, "Costs and reports"): what the seats cost and who is charged for them
 * ({@link org.allot.core.report.Chargeback}), who holds what through which group ({@link
 * org.allot.core.report.HolderExport}), and the usage history of each product ({@link
 * org.allot.core.report.UsageHistory}). Read use cases over read ports; above {@code assignment} and {@code
 * subscription}, which know nothing of it.
 */
package org.allot.core.report;
