/**
 * Reclaim of unused licenses (docs/license-lifecycle.md, "Reclaim"): activity signals per user, reclaim policies per
 * product, the selection of who holds a seat without using it, a report before anything is done, and the removal of
 * what the report says through the ordinary direct-license path, so freed seats go to the waiting list at once. Sits
 * above {@code assignment}: it reads licenses and removes them through {@code UserLicensing}; nothing below knows it.
 */
package org.allot.core.reclaim;
