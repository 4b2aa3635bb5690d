package org.allot.api.graph;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Graph's onPremisesExtensionAttributes of a user; unset attributes are sent as null, as Graph sends them. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OnPremisesExtensionAttributes(
        String extensionAttribute1,
        String extensionAttribute2,
        String extensionAttribute3,
        String extensionAttribute4,
        String extensionAttribute5,
        String extensionAttribute6,
        String extensionAttribute7,
        String extensionAttribute8,
        String extensionAttribute9,
        String extensionAttribute10,
        String extensionAttribute11,
        String extensionAttribute12,
        String extensionAttribute13,
        String extensionAttribute14,
        String extensionAttribute15) {}
