package dev.wsgiservlet.sample;

import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.Map;

/** The home page: a form for each feature and a link to each endpoint. */
final class HomePage implements WsgiApplication {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String method = (String) environ.get("REQUEST_METHOD");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Responses.methodNotAllowed(environ, startResponse, "GET, HEAD");
        }
        String hello = attr(environ, "/hello");
        String upload = Links.absolute(environ, "/upload");
        String body = """
                <p>A plain Java WSGI application, served by <code>dev.wsgiservlet.WsgiServlet</code>.</p>
                <h2>Greeting</h2>
                <form method="get" action="%1$s">
                  <label>Name (GET) <input name="name" value="World"></label> <button>Greet</button>
                </form>
                <form method="post" action="%1$s">
                  <label>Name (POST) <input name="name" value="&lt;b&gt;J&#252;rgen&lt;/b&gt;"></label> <button>Greet</button>
                </form>
                <h2>Upload</h2>
                <form method="post" action="%2$s" enctype="multipart/form-data">
                  <input type="file" name="file" required> <button>Upload</button>
                </form>
                <p>Or send a raw body:
                <code>curl --data-binary @FILE -H 'Content-Type: application/octet-stream' %3$s</code></p>
                <h2>More</h2>
                <ul>
                  <li><a href="%4$s">JSON: server info</a> and <a href="%5$s">the time</a></li>
                  <li><a href="%6$s">A stream</a>: one line every half second</li>
                  <li><a href="%7$s">Download a file</a> through <code>wsgi.file_wrapper</code></li>
                  <li><a href="%8$s">The WSGI environ</a> of your request</li>
                </ul>
                """.formatted(hello, attr(environ, "/upload"), Html.escape(upload),
                attr(environ, "/api/info"), attr(environ, "/api/time"), attr(environ, "/stream"),
                attr(environ, "/download"), attr(environ, "/environ"));
        return Responses.html(startResponse, "200 OK", "wsgi-servlet sample", body);
    }

    private static String attr(Map<String, Object> environ, String path) {
        return Html.escape(Links.href(environ, path));
    }
}
