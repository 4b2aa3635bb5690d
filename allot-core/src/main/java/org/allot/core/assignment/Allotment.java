package org.allot.core.assignment;

import java.util.Objects;
import java.util.UUID;
import org.allot.core.catalog.SkuId;

/**
 * An allotment: a pool of a SKU's seats with a hard cap, owned by an administrative unit or a group. The users of its
 * owner draw from it ({@link PoolChoice}); {@code position} orders a SKU's pools (the first one a user belongs to wins,
 * and a subscription that shrinks below the caps fills them in this order, {@link PoolBook#caps}).
 */
public record Allotment(AllotmentId id, SkuId sku, String displayName, Owner owner, int cap, int position) {
    /** The longest display name. */
    public static final int MAX_NAME = 256;

    public Allotment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(owner, "owner");
    }

    /** Who owns the pool, and so whose users draw from it. */
    public record Owner(Kind kind, UUID id) {
        public Owner {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }
    }

    /** An administrative unit's members draw from the pool; a group's: the users who get the SKU through it. */
    public enum Kind {
        UNIT,
        GROUP
    }

    public Allotment withCap(int value) {
        return new Allotment(id, sku, displayName, owner, value, position);
    }

    public Allotment withPosition(int value) {
        return new Allotment(id, sku, displayName, owner, cap, value);
    }

    public Allotment withOwner(Owner value) {
        return new Allotment(id, sku, displayName, value, cap, position);
    }

    public Allotment withDisplayName(String value) {
        return new Allotment(id, sku, value, owner, cap, position);
    }
}
