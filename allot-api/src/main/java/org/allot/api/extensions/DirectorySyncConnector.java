package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A tenant's connector to its on-premises directory ({@code /allot/v1/directorySync/connector}). {@code password} is
 * write-only: a PUT may send it (absent or null keeps the stored one), responses never carry it and say
 * {@code passwordSet} instead. {@code passwordSet}, the times and {@code requestedRun} are read-only.
 *
 * @param preset {@code activeDirectory} or {@code genericLdap}
 * @param mapping attributes mapped otherwise than the preset maps them: Allot's name to directory attributes
 * @param enabled whether the schedule runs it (runs asked for happen either way)
 * @param excludedDns subtrees under the base DNs that are left out (organizational units, as Entra Connect's OU
 *     filtering); absent or empty: none
 * @param softMatch whether a directory user Allot lacks takes over the cloud user with its principal name or primary
 *     mail address (Entra Connect's soft match); true when absent
 * @param requestedRun the run someone asked for that no server has started yet; absent when none
 * @param staging whether runs only work out and report what they would do, applying nothing (Entra Connect's staging
 *     mode); false when absent. Switched off, the next run applies.
 * @param deletionCheckMinutes how often, in minutes, a delta run of a directory that does not tell its deletions
 *     (generic LDAP) lists the scope to find them; 0: every run; absent or null: only full runs look for them (the
 *     server's full-sync schedule, 24 hours by default)
 */
public record DirectorySyncConnector(
        String preset,
        String url,
        Boolean startTls,
        String trustedCertificate,
        String bindDn,
        String password,
        Boolean passwordSet,
        List<String> baseDns,
        String userFilter,
        String groupFilter,
        Map<String, String> mapping,
        Boolean enabled,
        Boolean softMatch,
        OffsetDateTime createdDateTime,
        OffsetDateTime lastModifiedDateTime,
        DirectorySyncRunRequest requestedRun,
        List<String> excludedDns,
        Boolean staging,
        Integer deletionCheckMinutes) {}
