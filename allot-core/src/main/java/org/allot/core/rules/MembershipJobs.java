package org.allot.core.rules;

import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;

/**
 * Port: recomputing a dynamic group's members over a large directory, carried on in the background and durably (it
 * survives a crash). Asking twice before it runs does it once; asking while it runs runs it again afterwards.
 */
public interface MembershipJobs {
    /** Applies the group's rule to every user, a chunk at a time in user id order. */
    void recomputeMembership(TenantId tenant, GroupId group);
}
