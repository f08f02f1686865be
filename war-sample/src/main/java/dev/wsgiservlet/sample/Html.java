package dev.wsgiservlet.sample;

/** HTML escaping and the page frame every sample page shares. */
public final class Html {

    private Html() {
    }

    /** Escapes text for an HTML element or a quoted attribute value. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A complete page. {@code title} is plain text; {@code body} is HTML the caller has already
     * escaped.
     */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;"
                + "text-align:left;vertical-align:top}code,td{font-family:monospace}</style>\n"
                + "</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }
}
