package org.allot.core.directory;

import java.time.Instant;

/**
 * What directory sync knows of a synced object's on-premises original, in Graph's {@code onPremises…} terms; every part
 * is null for cloud objects.
 *
 * @param distinguishedName the entry's distinguished name ({@code onPremisesDistinguishedName})
 * @param domainName the DNS name of its domain, from the {@code DC=} parts of its name ({@code onPremisesDomainName})
 * @param securityIdentifier its {@code objectSid} in {@code S-1-5-…} form ({@code onPremisesSecurityIdentifier})
 * @param lastSyncDateTime when a sync last wrote a change to it ({@code onPremisesLastSyncDateTime})
 */
public record OnPremisesAttributes(
        String distinguishedName, String domainName, String securityIdentifier, Instant lastSyncDateTime) {
    public static final OnPremisesAttributes NONE = new OnPremisesAttributes(null, null, null, null);

    /** The same as the directory has them, with this time of the last sync. */
    public OnPremisesAttributes syncedAt(Instant time) {
        return new OnPremisesAttributes(distinguishedName, domainName, securityIdentifier, time);
    }

    /** Whether the directory's parts (all but the time of the last sync) are the same. */
    public boolean sameAs(OnPremisesAttributes other) {
        return syncedAt(null).equals(other.syncedAt(null));
    }
}
