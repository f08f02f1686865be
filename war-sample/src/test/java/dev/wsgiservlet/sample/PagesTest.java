package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PagesTest {

    private final Pages pages = new Pages();

    @Test
    void theHomePageLinksUnderScriptName() throws Exception {
        WsgiCall call = new WsgiCall("GET", "/war-sample", "/").run(pages);
        assertEquals("200 OK", call.status);
        assertEquals("text/html; charset=utf-8", call.header("Content-Type"));
        assertEquals(Integer.toString(call.body.length), call.header("Content-Length"));
        String html = call.text();
        assertTrue(html.contains("<form method=\"get\" action=\"/war-sample/hello\">"), html);
        assertTrue(html.contains("action=\"/war-sample/upload\" enctype=\"multipart/form-data\""), html);
        assertTrue(html.contains("href=\"/war-sample/api/info\""), html);
        assertTrue(html.contains("http://localhost:8080/war-sample/upload"), html);
    }

    @Test
    void theHomePageAnswersWithAnEmptyPathInfoToo() throws Exception {
        assertEquals("200 OK", new WsgiCall("GET", "/war-sample", "").run(pages).status);
    }

    @Test
    void linksEncodeAScriptNameThatNeedsIt() throws Exception {
        String nativeScriptName = new String("/caf\u00e9 app".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String html = new WsgiCall("GET", nativeScriptName, "/").run(pages).text();
        assertTrue(html.contains("action=\"/caf%C3%A9%20app/hello\""), html);
    }

    @Test
    void greetsTheQueryNameEscaped() throws Exception {
        WsgiCall call = new WsgiCall("GET", "", "/hello").query("name=%3Cb%3EJ%C3%BCrgen+%26+co%3C%2Fb%3E").run(pages);
        assertEquals("200 OK", call.status);
        assertTrue(call.text().contains("Hello, &lt;b&gt;J\u00fcrgen &amp; co&lt;/b&gt;!"), call.text());
    }

    @Test
    void greetsTheWorldWithoutAName() throws Exception {
        assertTrue(new WsgiCall("GET", "", "/hello").run(pages).text().contains("Hello, World!"));
    }

    @Test
    void greetsThePostedName() throws Exception {
        byte[] form = "other=1&name=%22Zo%C3%AB%22".getBytes(StandardCharsets.US_ASCII);
        WsgiCall call = new WsgiCall("POST", "", "/hello")
                .body("application/x-www-form-urlencoded; charset=UTF-8", form).run(pages);
        assertEquals("200 OK", call.status);
        assertTrue(call.text().contains("Hello, &quot;Zo\u00eb&quot;!"), call.text());
    }

    @Test
    void refusesAPostThatIsNotAForm() throws Exception {
        WsgiCall call = new WsgiCall("POST", "", "/hello").body("application/json", "{}".getBytes()).run(pages);
        assertTrue(call.status.startsWith("415 "), call.status);
    }

    @Test
    void refusesAnOversizedForm() throws Exception {
        byte[] big = ("name=" + "x".repeat(HelloPage.MAX_FORM_BYTES)).getBytes(StandardCharsets.US_ASCII);
        WsgiCall call = new WsgiCall("POST", "", "/hello").body("application/x-www-form-urlencoded", big).run(pages);
        assertTrue(call.status.startsWith("413 "), call.status);
    }

    @Test
    void refusesOtherMethods() throws Exception {
        WsgiCall call = new WsgiCall("DELETE", "", "/hello").run(pages);
        assertTrue(call.status.startsWith("405 "), call.status);
        assertEquals("GET, HEAD, POST", call.header("Allow"));
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        WsgiCall call = new WsgiCall("GET", "/war-sample", "/nope<x>").run(pages);
        assertTrue(call.status.startsWith("404 "), call.status);
        assertTrue(call.text().contains("/war-sample/nope&lt;x&gt;"), call.text());
    }

    @Test
    void theEnvironDumpIsSortedEscapedAndTyped() throws Exception {
        WsgiCall call = new WsgiCall("GET", "/war-sample", "/environ").header("HTTP_X_TEST", "<i>&").run(pages);
        String html = call.text();
        assertTrue(html.contains("<tr><td>HTTP_X_TEST</td><td>&lt;i&gt;&amp;</td><td></td></tr>"), html);
        assertTrue(html.contains("<tr><td>SCRIPT_NAME</td><td>/war-sample</td>"), html);
        assertTrue(html.contains("<td>wsgi.input</td><td>") && html.contains("<td>dev.wsgiservlet.WsgiInput</td>"), html);
        assertTrue(html.indexOf("<td>HTTP_HOST<") < html.indexOf("<td>PATH_INFO<"), html);
        assertTrue(html.indexOf("<td>SERVER_PROTOCOL<") < html.indexOf("<td>wsgi.errors<"), html);
    }

    @Test
    void theStreamIsLazyAndCloseable() throws Exception {
        long start = System.nanoTime();
        WsgiCall call = new WsgiCall("GET", "", "/stream").run(pages);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("200 OK", call.status);
        assertEquals(null, call.header("Content-Length"));
        assertEquals("nosniff", call.header("X-Content-Type-Options"));
        String[] lines = call.text().split("\n");
        assertEquals(StreamPage.LINES, lines.length);
        assertTrue(lines[0].startsWith("line 1 of 7 at "), lines[0]);
        assertTrue(millis >= (StreamPage.LINES - 1) * StreamPage.INTERVAL_MILLIS, millis + " ms");
        assertTrue(call.closed);
    }

    @Test
    void theTickerStopsWhenClosed() {
        Ticker ticker = new Ticker(100, 1);
        var lines = ticker.iterator();
        assertTrue(lines.hasNext());
        lines.next();
        ticker.close();
        assertFalse(lines.hasNext());
        assertTrue(ticker.isClosed());
    }
}
