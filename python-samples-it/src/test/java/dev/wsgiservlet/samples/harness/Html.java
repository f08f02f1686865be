package dev.wsgiservlet.samples.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the samples' templates mark with an {@code id}. */
public final class Html {

    private Html() {
    }

    /**
     * The raw (still escaped) content of the element with {@code id="id"}, up to its closing tag
     * (the samples never nest an element in one of the same name); fails if there is none.
     */
    public static String byId(String html, String id) {
        Matcher matcher = Pattern.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no element with id=\"" + id + "\" in:\n" + html);
        }
        return matcher.group(2);
    }
}
