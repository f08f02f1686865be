package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiAppTest {

    private final ApiApp api = new ApiApp();

    @Test
    void infoDescribesTheRequest() throws Exception {
        String nativePath = new String("/\u00e9\"x".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        WsgiCall call = new WsgiCall("GET", "/war-sample/api", "/info")
                .query("a=1").with("servlet.context", FakeServletContext.of(true)).run(api);
        assertEquals("200 OK", call.status);
        assertEquals("application/json", call.header("Content-Type"));
        String json = call.text();
        assertTrue(json.startsWith("{\"server\":\"FakeServer/1.0\",\"method\":\"GET\","
                + "\"script_name\":\"/war-sample/api\",\"path_info\":\"/info\",\"query_string\":\"a=1\","
                + "\"url\":\"http://localhost:8080/war-sample/api/info?a=1\",\"url_scheme\":\"http\","
                + "\"remote_addr\":null,\"wsgi_version\":[1,0],\"java_version\":"), json);
        WsgiCall notFound = new WsgiCall("GET", "/api", nativePath).run(api);
        assertEquals("404 Not Found", notFound.status);
        assertEquals("{\"error\":\"not found\",\"path\":\"/\u00e9\\\"x\"}\n", notFound.text());
    }

    @Test
    void timeIsNow() throws Exception {
        long before = System.currentTimeMillis();
        String json = new WsgiCall("GET", "/api", "/time").run(api).text();
        long millis = Long.parseLong(json.replaceAll(".*\"epoch_millis\":(\\d+).*\\s*", "$1"));
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), json);
    }

    @Test
    void onlyReads() throws Exception {
        assertEquals("405 Method Not Allowed", new WsgiCall("PUT", "/api", "/info").run(api).status);
    }
}
