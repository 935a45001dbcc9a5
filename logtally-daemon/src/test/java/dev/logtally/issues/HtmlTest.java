package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textAndAttributesAreEscaped() {
        String payload = "<script>alert('x')</script>\"&";
        String html = new Html().open("td", "title", payload).text(payload).close("td").toString();
        assertEquals("<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</td>", html);
    }

    @Test
    void controlCharactersBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\tc\nd\uFFFD", Html.escape("a\u0000b\tc\nd\u001b"));
    }

    @Test
    void nullValueLeavesTheAttributeOut() {
        assertEquals("<option value=\"x\">x</option>", new Html().el("option", "x", "value", "x", "selected", null).toString());
    }

    @Test
    void namesThatAreNotPlainAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Html().open("td onclick=alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("td", "x\"y", "1"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("td", "odd"));
    }
}
