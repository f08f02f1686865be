package dev.wsgiservlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;
import java.util.Enumeration;
import java.util.NoSuchElementException;

/**
 * A GET request as a servlet container hands it over, without the container: the methods the
 * adapter calls return fixed values, and allocate no more than Tomcat's do (one enumerator per
 * {@code getHeaderNames()} or {@code getHeaders()} call).
 */
final class SyntheticRequest extends HttpServletRequestWrapper {

    private final String method;
    private final String requestUri;
    private final String contextPath;
    private final String servletPath;
    private final String pathInfo;
    private final String queryString;
    private final String[] headerNames;
    private final String[] headerValues;
    private final HttpServletMapping mapping;
    private final ServletContext context;
    private final ServletInputStream emptyBody = new EmptyBody();

    /**
     * @param headers alternating names and values
     */
    SyntheticRequest(String method, String contextPath, String servletPath, String pathInfo, String requestUri,
            String queryString, ServletContext context, String... headers) {
        super(Unsupported.instance(HttpServletRequest.class));
        this.method = method;
        this.contextPath = contextPath;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.requestUri = requestUri;
        this.queryString = queryString;
        this.context = context;
        this.headerNames = new String[headers.length / 2];
        this.headerValues = new String[headers.length / 2];
        for (int i = 0; i < headerNames.length; i++) {
            headerNames[i] = headers[2 * i];
            headerValues[i] = headers[2 * i + 1];
        }
        this.mapping = new PrefixMapping(servletPath);
    }

    /** A browser's GET of {@code /app/wsgi/caf%C3%A9/men%C3%BC?...} with 13 headers, mapped at {@code /wsgi/*}. */
    static SyntheticRequest browserGet(ServletContext context) {
        return new SyntheticRequest("GET", "/app", "/wsgi", "/caf\u00e9/men\u00fc du jour",
                "/app/wsgi/caf%C3%A9/men%C3%BC%20du%20jour",
                "lang=fr&page=2&q=cr%C3%AApe+sucr%C3%A9e", context,
                "Host", "shop.example.com:8080",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language", "fr-FR,fr;q=0.8,en-US;q=0.5,en;q=0.3",
                "Accept-Encoding", "gzip, deflate, br, zstd",
                "Referer", "https://shop.example.com/app/wsgi/",
                "Cookie", "session=7f3a9c2e4b1d8f60; theme=dark; consent=1",
                "Connection", "keep-alive",
                "Upgrade-Insecure-Requests", "1",
                "Sec-Fetch-Dest", "document",
                "Sec-Fetch-Mode", "navigate",
                "Sec-Fetch-Site", "same-origin",
                "X-Request-Id", "d2c1b0a9-8f7e-4d6c-b5a4-93827160f5e4");
    }

    /** wrk's GET of {@code /wsgi/hello}: two headers, a plain path, no query. */
    static SyntheticRequest wrkGet(ServletContext context, String pathInfo) {
        return new SyntheticRequest("GET", "", "/wsgi", pathInfo, "/wsgi" + pathInfo, null, context,
                "Host", "127.0.0.1:8080");
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return mapping;
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getServerName() {
        return "shop.example.com";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getRemotePort() {
        return 51234;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public String getHeader(String name) {
        for (int i = 0; i < headerNames.length; i++) {
            if (headerNames[i].equalsIgnoreCase(name)) {
                return headerValues[i];
            }
        }
        return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return new Values(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return new Names();
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public ServletInputStream getInputStream() {
        return emptyBody;
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    private final class Names implements Enumeration<String> {
        private int next;

        @Override
        public boolean hasMoreElements() {
            return next < headerNames.length;
        }

        @Override
        public String nextElement() {
            if (next >= headerNames.length) {
                throw new NoSuchElementException();
            }
            return headerNames[next++];
        }
    }

    /** The values of one header name, as Tomcat's ValuesEnumerator finds them: a scan of all headers. */
    private final class Values implements Enumeration<String> {
        private final String name;
        private int next;

        Values(String name) {
            this.name = name;
            this.next = find(0);
        }

        private int find(int from) {
            for (int i = from; i < headerNames.length; i++) {
                if (headerNames[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return headerNames.length;
        }

        @Override
        public boolean hasMoreElements() {
            return next < headerNames.length;
        }

        @Override
        public String nextElement() {
            if (next >= headerNames.length) {
                throw new NoSuchElementException();
            }
            String value = headerValues[next];
            next = find(next + 1);
            return value;
        }
    }

    private record PrefixMapping(String servletPath) implements HttpServletMapping {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return servletPath + "/*";
        }

        @Override
        public String getServletName() {
            return "wsgi";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.PATH;
        }
    }

    private static final class EmptyBody extends ServletInputStream {
        @Override
        public int read() {
            return -1;
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("blocking I/O only");
        }
    }
}
