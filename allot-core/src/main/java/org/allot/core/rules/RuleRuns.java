package org.allot.core.rules;

import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;

/** Port: the background applications of dynamic groups' rules ({@link MembershipJobs}), as they stand. */
public interface RuleRuns {
    /** The latest for the group; empty when its rule never needed one (small tenants apply it within the request). */
    Optional<RuleRun> latest(TenantId tenant, GroupId group);
}
