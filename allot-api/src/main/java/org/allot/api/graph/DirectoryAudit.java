package org.allot.api.graph;

import java.time.OffsetDateTime;
import java.util.List;

/** Graph's directoryAudit: one audited change. */
public record DirectoryAudit(
        String id,
        String category,
        String correlationId,
        String result,
        String resultReason,
        String activityDisplayName,
        OffsetDateTime activityDateTime,
        String loggedByService,
        String operationType,
        Initiator initiatedBy,
        List<TargetResource> targetResources,
        List<KeyValue> additionalDetails) {

    public record Initiator(UserIdentity user, AppIdentity app) {}

    public record UserIdentity(String id, String displayName, String userPrincipalName) {}

    public record AppIdentity(
            String appId, String displayName, String servicePrincipalId, String servicePrincipalName) {}

    public record TargetResource(
            String id,
            String displayName,
            String type,
            String userPrincipalName,
            String groupType,
            List<ModifiedProperty> modifiedProperties) {}

    public record ModifiedProperty(String displayName, String oldValue, String newValue) {}

    public record KeyValue(String key, String value) {}
}
