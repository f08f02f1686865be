package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
                Html.escape("<script>alert(\"x\" & 'y')</script>"));
    }

    @Test
    void leavesPlainTextAlone() {
        String plain = "J\u00fcrgen 42";
        assertSame(plain, Html.escape(plain));
        assertEquals("", Html.escape(""));
    }

    @Test
    void escapesThePageTitle() {
        String page = Html.page("a<b", "<p>body</p>");
        assertTrue(page.contains("<title>a&lt;b</title>"), page);
        assertTrue(page.contains("<p>body</p>"), page);
    }
}
