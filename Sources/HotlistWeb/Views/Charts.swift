import HotlistCore

/// Charts drawn on the server as SVG: no script, no fonts or files from elsewhere. Each is an image
/// with a title and a description for screen readers, and the same numbers follow as a table.
enum Charts {
    struct Bar {
        var label: String
        var value: Double
        /// The value as printed at the end of the bar ("12 days").
        var shown: String
    }

    /// One bar per row, longest scale at the widest value; labels on the left.
    static func horizontalBars(id: String, title: String, description: String, bars: [Bar], empty: String) -> SafeHTML {
        guard !bars.isEmpty else { return "<figure class=\"chart\" id=\"\(id)\"><figcaption>\(title)</figcaption><p class=\"chart-empty\">\(empty)</p></figure>" }
        let rowHeight = 22, labelWidth = 150, barSpace = 300, valueSpace = 90
        let width = labelWidth + barSpace + valueSpace, height = bars.count * rowHeight + 8
        let top = max(bars.map(\.value).max() ?? 0, 1)
        let rows = bars.enumerated().map { index, bar -> SafeHTML in
            let y = index * rowHeight + 4
            let length = max(Int((bar.value / top * Double(barSpace)).rounded()), bar.value > 0 ? 2 : 0)
            let label: SafeHTML = "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(bar.label)</text>"
            return """
            <g>\(label)<rect class="bar" x="\(labelWidth)" y="\(y + 3)" width="\(length)" height="\(rowHeight - 6)"></rect>\
            <text x="\(labelWidth + length + 6)" y="\(y + 15)">\(bar.shown)</text></g>
            """
        }.joined()
        let table = bars.map { "<tr><th scope=\"row\">\($0.label)</th><td class=\"num\">\($0.shown)</td></tr>" as SafeHTML }.joined()
        return svgFigure(id: id, title: title, description: description, width: width, height: height, content: rows,
                         table: "<table><thead><tr><th scope=\"col\">\(title)</th><th scope=\"col\">Value</th></tr></thead><tbody>\(table)</tbody></table>")
    }

    /// Requests filed and answered per month: two columns per month, a shared scale.
    static func monthly(id: String, title: String, months: [MonthlyCount]) -> SafeHTML {
        guard !months.isEmpty else { return "<figure class=\"chart\" id=\"\(id)\"><figcaption>\(title)</figcaption><p class=\"chart-empty\">No request has been filed yet.</p></figure>" }
        let shown = Array(months.suffix(36))
        let plotHeight = 160, left = 36, bottom = 40, group = max(12, min(40, 600 / shown.count))
        let width = left + shown.count * group + 10, height = plotHeight + bottom + 10
        let top = max(shown.map { max($0.filed, $0.answered) }.max() ?? 0, 1)
        func barHeight(_ value: Int) -> Int { Int((Double(value) / Double(top) * Double(plotHeight)).rounded()) }
        let columns = shown.enumerated().map { index, month -> SafeHTML in
            let x = left + index * group, half = (group - 4) / 2
            let filed = barHeight(month.filed), answered = barHeight(month.answered)
            // Label every month when there are few, else every third, so the labels do not overlap.
            let label: SafeHTML = shown.count <= 12 || index % 3 == 0 ? "<text class=\"tick\" x=\"\(x + group / 2)\" y=\"\(plotHeight + 24)\" text-anchor=\"middle\">\(month.month)</text>" : ""
            return """
            <rect class="bar filed" x="\(x)" y="\(10 + plotHeight - filed)" width="\(half)" height="\(filed)"><title>\(month.month): \(month.filed) filed</title></rect>\
            <rect class="bar answered" x="\(x + half)" y="\(10 + plotHeight - answered)" width="\(half)" height="\(answered)"><title>\(month.month): \(month.answered) answered</title></rect>\(label)
            """
        }.joined()
        let axis: SafeHTML = "<line class=\"axis\" x1=\"\(left)\" y1=\"\(10 + plotHeight)\" x2=\"\(width - 6)\" y2=\"\(10 + plotHeight)\"></line><text class=\"tick\" x=\"\(left - 6)\" y=\"18\" text-anchor=\"end\">\(top)</text><text class=\"tick\" x=\"\(left - 6)\" y=\"\(10 + plotHeight)\" text-anchor=\"end\">0</text>"
        let legend: SafeHTML = "<rect class=\"bar filed\" x=\"\(left)\" y=\"\(height - 12)\" width=\"10\" height=\"10\"></rect><text class=\"tick\" x=\"\(left + 14)\" y=\"\(height - 3)\">filed</text><rect class=\"bar answered\" x=\"\(left + 60)\" y=\"\(height - 12)\" width=\"10\" height=\"10\"></rect><text class=\"tick\" x=\"\(left + 74)\" y=\"\(height - 3)\">answered</text>"
        let rows = shown.map { "<tr><th scope=\"row\">\($0.month)</th><td class=\"num\">\($0.filed)</td><td class=\"num\">\($0.answered)</td></tr>" as SafeHTML }.joined()
        let total = (shown.reduce(0) { $0 + $1.filed }, shown.reduce(0) { $0 + $1.answered })
        return svgFigure(id: id, title: title, description: "\(total.0) requests filed and \(total.1) answered from \(shown.first!.month) to \(shown.last!.month).",
                         width: width, height: height, content: axis + columns + legend,
                         table: "<table><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Filed</th><th scope=\"col\">Answered</th></tr></thead><tbody>\(rows)</tbody></table>")
    }

    private static func svgFigure(id: String, title: String, description: String, width: Int, height: Int, content: SafeHTML, table: SafeHTML) -> SafeHTML {
        """
        <figure class="chart" id="\(id)"><figcaption id="\(id)-title">\(title)</figcaption>
        <svg viewBox="0 0 \(width) \(height)" width="\(width)" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">\
        <desc id="\(id)-desc">\(description)</desc>\(content)</svg>
        <details><summary>The numbers</summary><div class="table-wrap">\(table)</div></details></figure>
        """
    }

    /// "12 days", "4.5 days".
    static func days(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return text + (rounded == 1 ? " day" : " days")
    }

    /// "42%".
    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return "\(Int((share * 100).rounded()))%"
    }
}
