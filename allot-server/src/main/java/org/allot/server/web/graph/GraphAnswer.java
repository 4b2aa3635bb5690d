package org.allot.server.web.graph;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.PropertyWriter;

/**
 * One resource as {@link Responses#entity} answers it (its {@code @odata.context}, then its {@code @odata.type}
 * unless properties were selected, then the selected or default properties in their order, an absent one as
 * {@code null}), written straight to the response by Jackson's generator: no tree of every property is built to be
 * copied down to the wanted ones and then written. Each property is written by the serializer Jackson would use for
 * it; for a resource whose body a controller changes afterwards (expansions), {@link Responses#entity} remains.
 */
public final class GraphAnswer implements JacksonSerializable {
    private static final String TYPE = "@odata.type";

    private final String context;
    private final Object value;
    private final Set<String> wanted;
    private final boolean withType;

    GraphAnswer(String context, Object value, Set<String> wanted, boolean withType) {
        this.context = context;
        this.value = value;
        this.wanted = wanted;
        this.withType = withType;
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        Map<String, BeanPropertyWriter> properties = new HashMap<>();
        for (Iterator<PropertyWriter> it =
                        ctxt.findValueSerializer(value.getClass()).properties();
                it.hasNext(); ) {
            if (it.next() instanceof BeanPropertyWriter w) {
                properties.put(w.getName(), w);
            }
        }
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("not an object with properties: " + value.getClass());
        }
        g.writeStartObject();
        g.writeStringProperty("@odata.context", context);
        BeanPropertyWriter type = properties.get(TYPE);
        boolean typeWritten = withType && type != null && get(type) != null;
        if (typeWritten) {
            write(type, g, ctxt);
        }
        for (String name : wanted) {
            if (typeWritten && name.equals(TYPE)) {
                continue;
            }
            BeanPropertyWriter w = properties.get(name);
            if (w == null || get(w) == null) {
                g.writeNullProperty(name);
            } else {
                write(w, g, ctxt);
            }
        }
        g.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
        serialize(g, ctxt);
    }

    private Object get(BeanPropertyWriter w) {
        try {
            return w.get(value);
        } catch (JacksonException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + w.getName() + " of " + value.getClass(), e);
        }
    }

    private void write(BeanPropertyWriter w, JsonGenerator g, SerializationContext ctxt) {
        try {
            w.serializeAsProperty(value, g, ctxt);
        } catch (JacksonException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + w.getName() + " of " + value.getClass(), e);
        }
    }
}
