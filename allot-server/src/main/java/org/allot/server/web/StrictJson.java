package org.allot.server.web;

import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;

/**
 * How the API reads request bodies into records: a value of the wrong JSON type is refused, never coerced. {@code
 * "seats": 1.5}, {@code "seats": "5"}, {@code "isTrial": "true"}, {@code "displayName": 5} and an explicit {@code
 * null} for a number or a boolean are all 400s naming the property; a date and time is a string; a JSON string that
 * is a number stays text.
 */
public final class StrictJson {
    private static final Set<Class<?>> NEVER_NULL = Set.of(Boolean.class, Integer.class, Long.class);

    private StrictJson() {}

    /** The mapper as configured, reading strictly. */
    public static JsonMapper of(JsonMapper json) {
        return json.rebuild()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> refuse(
                                c,
                                CoercionInputShape.Float,
                                CoercionInputShape.String,
                                CoercionInputShape.EmptyString,
                                CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> refuse(
                                c,
                                CoercionInputShape.String,
                                CoercionInputShape.EmptyString,
                                CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> refuse(
                                c,
                                CoercionInputShape.Integer,
                                CoercionInputShape.Float,
                                CoercionInputShape.String,
                                CoercionInputShape.EmptyString))
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> refuse(
                                c, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.DateTime,
                        c -> refuse(
                                c, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .addModule(new SimpleModule("explicit-nulls").setDeserializerModifier(new ValueDeserializerModifier() {
                    @Override
                    public ValueDeserializer<?> modifyDeserializer(
                            DeserializationConfig config,
                            BeanDescription.Supplier description,
                            ValueDeserializer<?> deserializer) {
                        if (NEVER_NULL.contains(description.getBeanClass())) {
                            return new NotNull(deserializer);
                        }
                        return deserializer.logicalType() == LogicalType.DateTime
                                ? new TextOnly(deserializer)
                                : deserializer;
                    }
                }))
                .build();
    }

    /** A date and time is an ISO 8601 string, never a number of seconds since 1970. */
    private static final class TextOnly extends DelegatingDeserializer {
        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /** A number or boolean that may be left out but is never an explicit {@code null}. */
    private static final class NotNull extends DelegatingDeserializer {
        NotNull(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new NotNull(delegate);
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            throw InvalidNullException.from(context, null, context.constructType(handledType()));
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    private static void refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
