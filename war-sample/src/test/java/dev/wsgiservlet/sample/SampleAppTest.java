package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleAppTest {

    private final SampleApp app = new SampleApp();

    @Test
    void mountsTheApiWithItsPrefixInScriptName() throws Exception {
        WsgiCall call = new WsgiCall("GET", "/war-sample", "/api/info")
                .with("servlet.context", FakeServletContext.of(true)).run(app);
        assertEquals("200 OK", call.status);
        assertTrue(call.text().contains("\"script_name\":\"/war-sample/api\",\"path_info\":\"/info\""), call.text());
    }

    @Test
    void mountsTheDownload() throws Exception {
        WsgiCall call = new WsgiCall("GET", "/war-sample", "/download")
                .with("servlet.context", FakeServletContext.of(true)).run(app);
        assertEquals("200 OK", call.status);
        assertEquals("attachment; filename=\"sample.txt\"", call.header("Content-Disposition"));
    }

    @Test
    void sendsEverythingElseToThePages() throws Exception {
        WsgiCall home = new WsgiCall("GET", "/war-sample", "/").run(app);
        assertTrue(home.text().contains("action=\"/war-sample/hello\""), home.text());
        WsgiCall prefixOnly = new WsgiCall("GET", "/war-sample", "/apixyz").run(app);
        assertEquals("404 Not Found", prefixOnly.status);
        assertTrue(prefixOnly.text().contains("Nothing here: /war-sample/apixyz"), prefixOnly.text());
    }
}
