package org.allot.server.web;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import org.allot.server.http.GraphErrorBodies;
import org.allot.server.http.RequestIds;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's report of the requests it refuses before any servlet sees them (a NUL or an encoded slash in the path,
 * invalid UTF-8, a request line or headers beyond their size limit): Graph's error body on the API's paths, Tomcat's
 * terse page elsewhere.
 */
public final class GraphErrorReportValve extends ErrorReportValve {
    private final GraphErrorBodies errors;

    public GraphErrorReportValve(GraphErrorBodies errors) {
        this.errors = errors;
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Puts this valve in place of the host's error report valve. */
    public static void install(Context context, GraphErrorBodies errors) {
        if (!(context.getParent() instanceof StandardHost host)) {
            return;
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.setErrorReportValveClass(GraphErrorReportValve.class.getName());
        host.getPipeline().addValve(new GraphErrorReportValve(errors));
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri != null && !uri.isEmpty() && !GraphErrorBodies.isApi(uri)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            if (request.getAttribute(RequestIds.ATTRIBUTE) == null) {
                String id = UUID.randomUUID().toString();
                request.setAttribute(RequestIds.ATTRIBUTE, id);
                response.setHeader("request-id", id);
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(errors.text(request, GraphErrorBodies.code(status), GraphErrorBodies.message(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
