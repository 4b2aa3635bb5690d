package org.allot.core.subscription;

/**
 * A product's seats as people read them, wherever they are shown (admin center, CLI): the seats bought, how many
 * are assigned, how many are free for new assignments, how many users wait, and the overage — seats in use beyond
 * those bought, after seats were lowered below use. The overage is shown at once and never silently corrected: seats are
 * taken back only by the documented rule (the tenant's overage grace period; docs/license-lifecycle.md).
 *
 * @param total seats of enabled and warning subscriptions
 * @param assigned users holding a seat
 * @param available seats of enabled subscriptions that nobody holds
 * @param waiting users in the waiting list
 * @param overage users holding a seat beyond the total ({@link SeatCount#overage})
 */
public record SeatSummary(int total, int assigned, int available, int waiting, int overage) {

    public static SeatSummary of(SeatCount seats) {
        return new SeatSummary(
                (int) Math.min(
                        Integer.MAX_VALUE,
                        (long) seats.prepaid().enabled() + seats.prepaid().warning()),
                seats.consumed(),
                seats.available(),
                seats.waiting(),
                seats.overage());
    }

    public boolean overAllocated() {
        return overage > 0;
    }

    /**
     * What an overage means and what to do, in plain words, for a product named {@code product}; empty when there is
     * none.
     */
    public String overageMeaning(String product) {
        if (overage == 0) {
            return "";
        }
        return assigned + " users hold " + product + " but only " + total + " seats are bought: " + overage
                + (overage == 1 ? " seat is" : " seats are")
                + " over. Nobody loses the license yet, but nobody else gets"
                + " it (new assignments wait) until you add " + overage + (overage == 1 ? " seat" : " seats")
                + " or remove " + overage + (overage == 1 ? " license." : " licenses.");
    }
}
