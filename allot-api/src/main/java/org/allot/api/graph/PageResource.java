package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/** A page of a collection, as Graph returns it. */
@JsonPropertyOrder({"@odata.context", "@odata.count", "@odata.nextLink", "value"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonRootName("Page")
public record PageResource<T>(
        @JsonProperty("@odata.context") String context,
        @JsonProperty("@odata.count") Long count,
        @JsonProperty("@odata.nextLink") String nextLink,
        List<T> value) {}
