package dev.wsgiservlet.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hides Tomcat's sendfile offer from the servlet behind it, so that the adapter sends files with
 * {@code FileChannel.transferTo} instead: the benchmark compares the two on the same connector.
 */
public final class NoSendfileFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                return SENDFILE_SUPPORT.equals(name) ? null : super.getAttribute(name);
            }
        }, response);
    }
}
