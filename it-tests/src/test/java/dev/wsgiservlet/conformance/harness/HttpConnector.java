package dev.wsgiservlet.conformance.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 {@code <Connector>} of a Tomcat distribution's server.xml, bound to 127.0.0.1, with
 * the distribution's defaults plus {@code attributes} (for example {@code useSendfile}).
 */
public record HttpConnector(int port, Map<String, String> attributes) {

    /** A connector with the distribution's default settings. */
    public static HttpConnector plain(int port) {
        return new HttpConnector(port, Map.of());
    }

    /** The element, as server.xml spells it. */
    public String xml() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("address", "127.0.0.1");
        all.put("port", Integer.toString(port));
        all.put("protocol", "HTTP/1.1");
        all.put("connectionTimeout", "20000");
        all.put("redirectPort", "8443");
        all.putAll(attributes);
        StringBuilder xml = new StringBuilder("<Connector");
        all.forEach((name, value) -> xml.append("\n               ").append(name).append("=\"").append(value).append('"'));
        return xml.append(" />").toString();
    }
}
