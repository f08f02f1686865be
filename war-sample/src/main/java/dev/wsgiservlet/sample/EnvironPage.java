package dev.wsgiservlet.sample;

import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.Map;
import java.util.TreeMap;

/** Shows the request's WSGI environ: every key, sorted, with the Java type of each value. */
final class EnvironPage implements WsgiApplication {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        StringBuilder rows = new StringBuilder("<table>\n<tr><th>Key</th><th>Value</th><th>Java type</th></tr>\n");
        for (Map.Entry<String, Object> e : new TreeMap<>(environ).entrySet()) {
            Object value = e.getValue();
            // CGI values are native strings (bytes as ISO-8859-1); they are shown as they are.
            String type = value == null ? "null" : value instanceof String ? "" : value.getClass().getName();
            rows.append("<tr><td>").append(Html.escape(e.getKey()))
                    .append("</td><td>").append(Html.escape(String.valueOf(value)))
                    .append("</td><td>").append(Html.escape(type)).append("</td></tr>\n");
        }
        rows.append("</table>\n<p><a href=\"").append(Html.escape(Links.href(environ, "/"))).append("\">Back</a></p>\n");
        return Responses.html(startResponse, "200 OK", "WSGI environ", rows.toString());
    }
}
