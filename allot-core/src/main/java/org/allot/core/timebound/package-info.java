/**
 * Time-bound grants (docs/delegation.md, "Time-bound grants"): a direct license or a group membership with a start
 * and an end. A grant that starts later assigns nothing until then; at its start and at its end the scheduled step
 * ({@link org.allot.core.timebound.TimeBoundGrants#runDue}) assigns or removes it through the ordinary paths
 * ({@code UserLicensing}, {@code GroupDirectory}), so the removal grace and the waiting list apply as to any other
 * removal. Sits above {@code assignment} and {@code directory}; nothing below knows it.
 */
package org.allot.core.timebound;
