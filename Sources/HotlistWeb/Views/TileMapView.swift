import HotlistCore

/// The US tile-grid map: one square per state, drawn as SVG on the server. Each square is a link
/// (Tab moves square by square, in reading order) named in words for screen readers; colour comes
/// with a pattern and a printed word, so the map reads in greyscale; the table after it holds the
/// same numbers.
enum TileMapView {
    static let tileSize = 54, gap = 4

    static func map(_ states: [StateTally]) -> SafeHTML {
        let byCode = Dictionary(uniqueKeysWithValues: states.map { ($0.stateCode, $0) })
        let step = tileSize + gap
        let width = USTileGrid.columns * step, height = USTileGrid.rows * step
        let tiles = USTileGrid.tiles.map { tile -> SafeHTML in
            let tally = byCode[tile.state.code] ?? StateTally(stateCode: tile.state.code)
            let category = tally.category
            let x = tile.column * step, y = tile.row * step
            let mark: SafeHTML = category.mark.isEmpty ? "" : """
                <rect class="plate" x="\(x + 8)" y="\(y + 31)" width="\(tileSize - 16)" height="16" rx="3"></rect>\
                <text class="tile-mark" x="\(x + tileSize / 2)" y="\(y + 43)" text-anchor="middle">\(category.mark)</text>
                """
            return """
            <a href="\(SiteURL.state(tile.state.code).path)" id="tile-\(tile.state.code)" class="tile cat-\(category.rawValue)" aria-label="\(summary(tally, name: tile.state.name))">\
            <rect class="square" x="\(x)" y="\(y)" width="\(tileSize)" height="\(tileSize)" rx="4" fill="url(#pattern-\(category.rawValue))"></rect>\
            <rect class="plate" x="\(x + 10)" y="\(y + 6)" width="\(tileSize - 20)" height="20" rx="3"></rect>\
            <text class="tile-code" x="\(x + tileSize / 2)" y="\(y + 21)" text-anchor="middle">\(tile.state.code)</text>\(mark)</a>
            """
        }.joined()
        let legend = StateTally.Category.allCases.map { category -> SafeHTML in
            let count = states.filter { $0.category == category }.count
            return """
            <li><svg class="swatch" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><rect width="20" height="20" rx="3" fill="url(#pattern-\(category.rawValue))"></rect></svg> \
            \(category.mark.isEmpty ? "" : "<strong>\(category.mark)</strong> " as SafeHTML)\(category.label) (\(count) state\(count == 1 ? "" : "s"))</li>
            """
        }.joined()
        return """
        <figure class="tile-map" id="state-map">
        <figcaption id="state-map-title">What records show, state by state. Choose a state for its agencies, laws and requests.</figcaption>
        <svg viewBox="0 0 \(width) \(height)" role="group" aria-labelledby="state-map-title" xmlns="http://www.w3.org/2000/svg">\(patterns)\(tiles)</svg>
        <ul class="map-legend" id="state-map-legend">\(legend)</ul>
        </figure>
        """
    }

    /// Fills for each category: a colour and a pattern of its own.
    static let patterns: SafeHTML = """
        <defs>\
        <pattern id="pattern-enabled" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#b91c1c"></rect><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fecaca" stroke-width="2"></path></pattern>\
        <pattern id="pattern-contradiction" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#f59e0b"></rect><path d="M0,0 l8,8 M8,0 l-8,8" stroke="#7c2d12" stroke-width="1"></path></pattern>\
        <pattern id="pattern-disabled" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#15803d"></rect><circle cx="4" cy="4" r="1.6" fill="#dcfce7"></circle></pattern>\
        <pattern id="pattern-asked" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#bfdbfe"></rect><path d="M0,4 h8" stroke="#1e3a8a" stroke-width="1"></path></pattern>\
        <pattern id="pattern-nothing-yet" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#e5e7eb"></rect></pattern>\
        </defs>
        """

    /// "Nevada: Immigration Violator enabled at 1 agency; 1 contradiction; 6 agencies in the directory".
    static func summary(_ tally: StateTally, name: String) -> String {
        func agencies(_ count: Int) -> String { "\(count) agenc\(count == 1 ? "y" : "ies")" }
        var parts: [String] = []
        if tally.enabled > 0 { parts.append("Immigration Violator enabled at \(agencies(tally.enabled))") }
        if tally.disabled > 0 { parts.append("disabled at \(agencies(tally.disabled))") }
        if tally.refused > 0 { parts.append("\(agencies(tally.refused)) refused to release the settings") }
        if tally.requestsFiled > 0 { parts.append("\(tally.requestsFiled) request\(tally.requestsFiled == 1 ? "" : "s") of ours filed, \(tally.requestsAnswered) answered") }
        if tally.contradictions > 0 { parts.append("\(tally.contradictions) contradiction\(tally.contradictions == 1 ? "" : "s")") }
        if parts.isEmpty { parts.append("no records yet") }
        parts.append("\(agencies(tally.agencies)) in the directory")
        return name + ": " + parts.joined(separator: "; ")
    }

    /// The map's numbers as a table, one row per state.
    static func table(_ states: [StateTally]) -> SafeHTML {
        let rows = states.map { tally -> SafeHTML in
            let name = USState.byCode(tally.stateCode)?.name ?? tally.stateCode
            return """
            <tr id="row-\(tally.stateCode)"><th scope="row" data-label="State"><a href="\(SiteURL.state(tally.stateCode).path)">\(name)</a></th>\
            <td data-label="On the map">\(tally.category.mark.isEmpty ? "–" : tally.category.mark)</td>\
            <td data-label="Agencies" class="num">\(tally.agencies)</td><td data-label="Researched" class="num">\(tally.researched)</td>\
            <td data-label="Requests filed" class="num">\(tally.requestsFiled)</td><td data-label="Answered" class="num">\(tally.requestsAnswered)</td>\
            <td data-label="Overdue" class="num">\(tally.requestsOverdue)</td><td data-label="Denied" class="num">\(tally.requestsDenied)</td>\
            <td data-label="Enabled" class="num">\(tally.enabled)</td><td data-label="Disabled" class="num">\(tally.disabled)</td>\
            <td data-label="Refused" class="num">\(tally.refused)</td><td data-label="Contradictions" class="num">\(tally.contradictions)</td></tr>
            """
        }.joined()
        return """
        <div class="table-wrap"><table id="state-table"><caption>The map's numbers, by state. Enabled, disabled and refused count agencies by their newest record (ours verified, or reported by others); requests are ours.</caption>
        <thead><tr><th scope="col">State</th><th scope="col">On the map</th><th scope="col">Agencies</th><th scope="col">Researched</th><th scope="col">Requests filed</th><th scope="col">Answered</th><th scope="col">Overdue</th><th scope="col">Denied</th><th scope="col">Immigration Violator enabled</th><th scope="col">Disabled</th><th scope="col">Refused</th><th scope="col">Contradictions</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }
}
