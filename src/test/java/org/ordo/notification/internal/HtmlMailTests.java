package org.ordo.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTML part says what the text part says, with every value escaped. */
class HtmlMailTests {

    @Test
    void valuesAreEscapedParagraphsKeptAndLinksLinked() {
        String html = HtmlMail.render("Your order SO-1", """
                Hello <script>alert('x')</script> & Co,

                your parcel: https://track.example/?id=1&x=2
                Total: €23.79""", "en");
        assertThat(html).doesNotContain("<script>")
                .contains("Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co,")
                .contains("<a href=\"https://track.example/?id=1&amp;x=2\">https://track.example/?id=1&amp;x=2</a>")
                .contains("<br>\nTotal: €23.79</p>")
                .contains("<html lang=\"en\">", "<title>Your order SO-1</title>");
        assertThat(html.split("<p>")).hasSize(3);
    }
}
