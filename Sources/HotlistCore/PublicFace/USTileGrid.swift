/// Where each state sits on the tile-grid map: one equal square per state, placed roughly where the
/// state is, so small states (RI, DE, DC) are as visible as large ones. Reading order (row by row)
/// is also the keyboard order.
public enum USTileGrid {
    public struct Tile: Sendable, Equatable {
        public var state: USState
        public var row: Int
        public var column: Int
    }

    public static let rows = 8
    public static let columns = 11

    private static let layout: [[(String, Int)]] = [
        [("AK", 0), ("ME", 10)],
        [("WI", 5), ("VT", 9), ("NH", 10)],
        [("WA", 0), ("ID", 1), ("MT", 2), ("ND", 3), ("MN", 4), ("IL", 5), ("MI", 6), ("NY", 8), ("MA", 9)],
        [("OR", 0), ("NV", 1), ("WY", 2), ("SD", 3), ("IA", 4), ("IN", 5), ("OH", 6), ("PA", 7), ("NJ", 8), ("CT", 9), ("RI", 10)],
        [("CA", 0), ("UT", 1), ("CO", 2), ("NE", 3), ("MO", 4), ("KY", 5), ("WV", 6), ("VA", 7), ("MD", 8), ("DE", 9)],
        [("AZ", 1), ("NM", 2), ("KS", 3), ("AR", 4), ("TN", 5), ("NC", 6), ("SC", 7), ("DC", 8)],
        [("OK", 3), ("LA", 4), ("MS", 5), ("AL", 6), ("GA", 7)],
        [("HI", 0), ("TX", 3), ("FL", 8)],
    ]

    /// Every state and DC once, in reading order.
    public static let tiles: [Tile] = layout.enumerated().flatMap { row, entries in
        entries.map { code, column in Tile(state: USState.byCode(code)!, row: row, column: column) }
    }
}
