package org.allot.core.sync;

/** How a directory tells what changed since the last run. */
public enum DeltaStrategy {
    /**
     * Active Directory: every change raises the domain controller's update sequence number; objects carry the one of
     * their last change in {@code uSNChanged}, and the root DSE the highest one in {@code highestCommittedUSN}. The
     * numbers belong to one domain controller: talking to another one needs a full sync.
     */
    USN_CHANGED("uSNChanged"),
    /** Other LDAP servers: the {@code modifyTimestamp} operational attribute, read with an overlap against skew. */
    MODIFY_TIMESTAMP("modifyTimestamp");

    private final String attribute;

    DeltaStrategy(String attribute) {
        this.attribute = attribute;
    }

    /** The attribute a delta search filters on. */
    public String attribute() {
        return attribute;
    }
}
