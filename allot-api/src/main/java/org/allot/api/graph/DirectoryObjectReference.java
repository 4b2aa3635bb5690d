package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a {@code $ref} request: {@code {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}}. */
public record DirectoryObjectReference(
        @JsonProperty("@odata.id") String odataId) {}
