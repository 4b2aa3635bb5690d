package org.allot.server.web.graph;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request of a JSON batch as the servlet container sees it: a request of its own (method, headers, body and
 * attributes; the path and query string are the dispatcher's) that wraps the container's own request, of which it keeps
 * the connection's facts only, so that it passes through every filter (authentication, access, rate limits) and
 * controller as if it had been sent alone. Its answer is a {@link BatchResponse}.
 */
final class BatchRequest extends HttpServletRequestWrapper {
    /** The prefix of Tomcat's own request attributes. */
    private static final String CONTAINER = "org.apache.catalina.";

    private final String method;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final byte[] body;
    private final Map<String, Object> attributes = new HashMap<>();

    BatchRequest(HttpServletRequest container, String method, Map<String, List<String>> headers, byte[] body) {
        super(container);
        this.method = method;
        this.headers.putAll(headers);
        this.body = body.clone();
        this.headers.remove("Content-Length");
        if (body.length > 0) {
            this.headers.put("Content-Length", List.of(Integer.toString(body.length)));
        }
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getOrDefault(name, List.of()));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(List.copyOf(headers.keySet()));
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("batch requests are read synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    /**
     * The request's own attributes; the servlet container's (its dispatcher type and path, which it reads to
     * dispatch) are read from the container's request until the dispatch sets its own.
     */
    @Override
    public Object getAttribute(String name) {
        Object value = attributes.get(name);
        return value == null && name.startsWith(CONTAINER) ? super.getAttribute(name) : value;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(List.copyOf(attributes.keySet()));
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }
}
