package org.allot.core.assignment;

import java.util.Optional;

/**
 * What a request sets of an allotment: each part empty when the request leaves it as it is (or, creating one, to its
 * default: the pool goes last in the SKU's order).
 *
 * @param position the pool's place in the SKU's order, from 1
 */
public record AllotmentChange(
        Optional<String> displayName,
        Optional<Allotment.Owner> owner,
        Optional<Integer> cap,
        Optional<Integer> position) {
    public AllotmentChange {
        displayName = displayName == null ? Optional.empty() : displayName;
        owner = owner == null ? Optional.empty() : owner;
        cap = cap == null ? Optional.empty() : cap;
        position = position == null ? Optional.empty() : position;
    }
}
