package dev.wsgiservlet.sample;

import dev.wsgiservlet.Environ;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds links inside the application from {@code SCRIPT_NAME}, so that they stay right wherever
 * the WAR is deployed ({@code /war-sample/} in Tomcat's webapps, {@code /} in the launcher).
 */
final class Links {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Links() {
    }

    /**
     * The URL path of {@code path} (which starts with {@code /}) under the application root. The
     * result is percent-encoded but not HTML-escaped.
     */
    static String href(Map<String, Object> environ, String path) {
        String root = (String) environ.getOrDefault("SCRIPT_NAME", "");
        return encode(root) + path;
    }

    /** The absolute URL of {@code path} under the application root, for the host the client asked. */
    static String absolute(Map<String, Object> environ, String path) {
        Map<String, Object> target = new HashMap<>(environ);
        target.put("PATH_INFO", path);
        target.put("QUERY_STRING", "");
        return Environ.requestUrl(target);
    }

    /** SCRIPT_NAME is a native string: each char is one byte of the decoded path. */
    private static String encode(String nativePath) {
        StringBuilder out = new StringBuilder(nativePath.length());
        for (int i = 0; i < nativePath.length(); i++) {
            char c = nativePath.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
