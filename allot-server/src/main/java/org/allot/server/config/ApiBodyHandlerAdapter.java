package org.allot.server.config;

import java.util.ArrayList;
import java.util.List;
import org.allot.server.web.graph.JsonBodies;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Spring MVC's handler adapter, with the API's JSON request bodies read by {@link JsonBodies} first (with the JSON
 * converter's own mapper), and Spring's {@code @RequestBody} resolver for everything else.
 */
final class ApiBodyHandlerAdapter extends RequestMappingHandlerAdapter {

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(getArgumentResolvers());
        HandlerMethodArgumentResolver spring = resolvers.stream()
                .filter(RequestResponseBodyMethodProcessor.class::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no @RequestBody resolver"));
        JacksonJsonHttpMessageConverter converter = getMessageConverters().stream()
                .filter(JacksonJsonHttpMessageConverter.class::isInstance)
                .map(JacksonJsonHttpMessageConverter.class::cast)
                .filter(c -> c.getMappersForType(JsonNode.class).isEmpty())
                .findFirst()
                .orElse(null);
        if (converter == null) {
            return;
        }
        resolvers.add(0, new JsonBodies(converter.getMapper(), spring));
        setArgumentResolvers(resolvers);
    }
}
