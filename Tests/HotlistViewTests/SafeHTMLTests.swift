@testable import HotlistWeb
import Testing

/// The type every page is built from: text is escaped, markup passes through once.
@Suite struct SafeHTMLTests {
    @Test func interpolatedTextIsEscaped() {
        // setup
        let name = "<script>alert(1)</script> \"Q\" & 'S'"
        // MUT
        let html: SafeHTML = "<p title=\"\(name)\">\(name)</p>"
        // validate
        #expect(html.markup == "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; &amp; &#39;S&#39;\">&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; &amp; &#39;S&#39;</p>")
    }

    @Test func textWithoutSpecialCharactersIsUnchanged() {
        let html: SafeHTML = "\("Sparks NV PD – café")"
        #expect(html.markup == "Sparks NV PD – café")
    }

    @Test func safeHTMLPassesThroughOnce() {
        let inner: SafeHTML = "<b>\("a & b")</b>"
        let outer: SafeHTML = "<p>\(inner)</p>"
        #expect(outer.markup == "<p><b>a &amp; b</b></p>")
    }

    @Test func numbersAreWritten() {
        let html: SafeHTML = "<td>\(-42)</td>"
        #expect(html.markup == "<td>-42</td>")
    }

    @Test func joinedAndConcatenated() {
        let items: [SafeHTML] = ["<li>\("<1>")</li>", "<li>2</li>"]
        #expect(items.joined().markup == "<li>&lt;1&gt;</li><li>2</li>")
        #expect(items.joined(separator: "<br>").markup == "<li>&lt;1&gt;</li><br><li>2</li>")
        var html: SafeHTML = "<ul>"
        html += items.joined()
        #expect((html + "</ul>").markup == "<ul><li>&lt;1&gt;</li><li>2</li></ul>")
        #expect(([] as [SafeHTML]).joined().isEmpty)
    }

    @Test func siteLinksKeepTheirAmpersandAndEncodeValues() {
        let html: SafeHTML = "<a href=\"\(SiteURL.audit, query: [("entity", "a&b"), ("entity_id", "<3>\"")])\">"
        #expect(html.markup == "<a href=\"/admin/audit?entity=a%26b&entity_id=%3C3%3E%22\">")
    }

    @Test func uncheckedIsTakenAsItIs() {
        #expect(SafeHTML(unchecked: "<b>x</b>").markup == "<b>x</b>")
    }
}
