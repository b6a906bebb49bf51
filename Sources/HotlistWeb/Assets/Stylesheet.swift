/// The one stylesheet, compiled into the binary so the server runs from any directory.
enum Stylesheet {
    static let css = """
    :root { --ink: #1b1f23; --muted: #5a6270; --line: #d7dce2; --bg: #fbfbfc; --accent: #0b5cad; --warn: #9a3412; --ok: #166534; --focus: #f59e0b; }
    * { box-sizing: border-box; }
    html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.5; }
    body { margin: 0; }
    a { color: var(--accent); }
    main a { overflow-wrap: anywhere; }
    a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
    header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .75rem 1.25rem; background: #10243e; }
    header.site a { color: #fff; text-decoration: none; }
    header.site .brand { font-weight: 700; font-size: 1.15rem; }
    header.site ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
    header.site a[aria-current="page"] { text-decoration: underline; text-underline-offset: 4px; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    footer.site { border-top: 1px solid var(--line); padding: 1rem 1.25rem; color: var(--muted); font-size: .9rem; }
    h1 { font-size: 1.9rem; margin: .5rem 0 1rem; line-height: 1.2; }
    h2 { font-size: 1.35rem; margin-top: 2rem; }
    .lede { font-size: 1.1rem; max-width: 48rem; }
    .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem; margin: 0; }
    .counts div { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
    .counts dt { color: var(--muted); font-size: .9rem; } .counts dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
    .button, button { display: inline-block; background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .5rem 1rem; font: inherit; cursor: pointer; text-decoration: none; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; background: #fff; }
    caption { text-align: left; color: var(--muted); padding: .25rem 0; }
    th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
    thead th { background: #eef1f5; font-size: .9rem; }
    .num { text-align: right; white-space: nowrap; }
    .badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .85rem; border: 1px solid var(--line); white-space: nowrap; }
    .ncic-yes { background: #fee2e2; border-color: #fca5a5; }
    .policy-prohibits { background: #dcfce7; border-color: #86efac; }
    .tier { font-size: .85rem; } .tier-1 { font-weight: 700; color: var(--warn); }
    .grade { display: inline-block; font-size: .8rem; padding: 0 .35rem; border-radius: 3px; background: #e5e7eb; }
    .grade-medium { background: #fef3c7; color: #78350f; border: 1px solid #f59e0b; }
    .grade-low { background: #fee2e2; color: #7f1d1d; border: 1px solid #ef4444; font-weight: 700; }
    .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; align-items: end; background: #fff; border: 1px solid var(--line); padding: .75rem; border-radius: 6px; }
    .field label { display: block; font-size: .85rem; color: var(--muted); }
    .field input, .field select { width: 100%; padding: .4rem; font: inherit; border: 1px solid #9aa3ad; border-radius: 4px; background: #fff; }
    .field.wide { grid-column: span 2; }
    .paging { display: flex; gap: 1rem; margin: 1rem 0; }
    .identity { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .5rem 1.5rem; }
    .identity dt { color: var(--muted); font-size: .85rem; } .identity dd { margin: 0; overflow-wrap: anywhere; }
    .columns { columns: 3 16rem; } .columns li { break-inside: avoid; }
    .muted, .meta, .crumbs { color: var(--muted); }
    .note { background: #eef6ff; border-left: 4px solid var(--accent); padding: .5rem .75rem; }
    .warning { color: var(--warn); font-weight: 700; }
    aside.to-do { border-left: 4px solid var(--accent); padding: .2rem .8rem; margin: 1rem 0; background: #f4f7fb; }
    li.ncic, li.immigration { font-weight: 700; }
    tr.highlight { background: #fff7ed; }
    .sources { font-size: .85rem; overflow-wrap: anywhere; }
    .search-audit .citation { font-size: .85rem; overflow-wrap: anywhere; }
    .audit-table > summary { cursor: pointer; margin: .5rem 0; }
    .pending-audit { border-left: 4px solid #e0b000; padding-left: .75rem; margin: 1rem 0; }
    .error-status { color: var(--warn); font-weight: 700; }
    .account-bar { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; color: #dbe4ef; font-size: .95rem; }
    .account-bar strong { color: #fff; }
    .account-bar button { background: transparent; border: 1px solid #9fb3c8; padding: .2rem .6rem; }
    form.inline { display: inline; margin: 0; }
    form.stacked { display: grid; gap: .35rem; max-width: 28rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
    form.stacked label { font-weight: 600; margin-top: .4rem; }
    form.stacked input, form.stacked select, td select { padding: .45rem; font: inherit; border: 1px solid #9aa3ad; border-radius: 4px; }
    /* Grid items may shrink below their content: a select with long option text stays inside the form. */
    form.stacked > *, form.stacked fieldset > * { min-width: 0; }
    form.stacked input, form.stacked select, form.stacked textarea { max-width: 100%; box-sizing: border-box; }
    form.stacked button { justify-self: start; margin-top: .6rem; }
    .hint { color: var(--muted); font-weight: 400; font-size: .9rem; }
    .message { border-radius: 6px; padding: .6rem .9rem; border: 1px solid var(--line); background: #fff; max-width: 48rem; }
    .message-notice { border-color: #86efac; background: #f0fdf4; }
    .message-error { border-color: #fca5a5; background: #fef2f2; }
    .message code, .new-token code { overflow-wrap: anywhere; font-size: 1rem; }
    button.danger { background: #b91c1c; }
    button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
    td button { padding: .25rem .6rem; font-size: .9rem; }
    .edit-link { font-size: .9rem; margin-left: .4rem; }
    .facts dt { font-weight: 600; } .facts dd { margin: 0 0 .5rem; }
    .changes { margin: 0; padding-left: 1rem; font-size: .9rem; overflow-wrap: anywhere; }
    .visually-hidden { position: absolute; left: -9999px; }
    .pager { display: flex; gap: 1rem; margin: 1rem 0; }
    form.stacked.wide { max-width: 48rem; }
    form.stacked label.radio, form.stacked label.checkbox { font-weight: normal; margin-top: .2rem; }
    label.radio { display: inline-block; white-space: nowrap; margin-right: .9rem; }
    #topic-table th { font-weight: 600; }
    fieldset.radio-group { border: 0; padding: 0; margin: 0; }
    .setting-enabled { color: #9b1c1c; }
    .setting-disabled { color: #1d6b36; }
    .badge-pending { background: #fff3cd; color: #6b4e00; }
    .badge-public { background: #e3f3e8; color: #1d6b36; }
    article.verified-finding { border-left: 4px solid var(--line); padding-left: .8rem; margin: 1rem 0; }
    form.stacked fieldset { display: grid; gap: .35rem; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem .75rem; }
    form.stacked textarea { font: inherit; padding: .45rem; border: 1px solid #9aa3ad; border-radius: 4px; }
    pre.letter, .log pre { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; max-width: 48rem; font-family: inherit; }
    .overdue { color: #b91c1c; }
    .message-warning { border-color: #f59e0b; background: #fffbeb; }
    .status-denied, .status-no_responsive_records { background: #fee2e2; border-color: #fca5a5; }
    .status-fulfilled, .status-partially_fulfilled { background: #dcfce7; border-color: #86efac; }
    .status-draft { background: #f3f4f6; }
    .basis { color: var(--muted); font-size: .9rem; max-width: 48rem; }
    .log { padding-left: 1rem; } .log li { margin-bottom: .4rem; }
    .tile-map { margin: 1rem 0; } .tile-map > svg { width: 100%; max-width: 44rem; height: auto; display: block; }
    .tile-map .plate { fill: #fff; opacity: .92; } .tile-map text { font-size: 13px; font-weight: 700; fill: var(--ink); }
    .tile-map .tile-mark { font-size: 10px; } .tile-map a:focus { outline: none; } .tile-map a:focus .square, .tile-map a:hover .square { stroke: var(--focus); stroke-width: 4; }
    .map-legend { list-style: none; padding: 0; display: grid; gap: .3rem; } .map-legend li { display: flex; align-items: center; gap: .4rem; } .swatch { flex: none; border: 1px solid var(--line); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
    .chart { margin: 1rem 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; } .chart figcaption { font-weight: 700; }
    .chart svg { width: 100%; height: auto; max-width: 100%; } .chart text { font-size: 12px; fill: var(--ink); } .chart .tick { font-size: 10px; fill: var(--muted); }
    .chart .bar { fill: #0b5cad; } .chart .bar.answered { fill: #166534; } .chart .axis { stroke: var(--muted); } .chart-empty { color: var(--muted); }
    .contradiction-agency { font-weight: 700; margin: 0; }
    .brief-downloads { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .5rem 0 1rem; }
    .brief code.sha { font-size: .8rem; overflow-wrap: anywhere; word-break: break-all; }
    .brief .source, .brief .meta { color: var(--muted); font-size: .9rem; }
    /* Briefs and every other page on paper (and in the PDF): no site frame or buttons, black on white,
       sections kept whole where they fit, external addresses printed after their link text. */
    @media print {
      @page { size: auto; margin: 16mm 14mm; }
      html { background: #fff; color: #000; font-size: 11pt; line-height: 1.4; }
      header.site, footer.site, .skip, .no-print, .account-bar, nav, form, .edit-link { display: none !important; }
      main { max-width: none; padding: 0; }
      a { color: #000; }
      a[href^="http"]:not(.printed-url)::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
      h1, h2, h3 { break-after: avoid-page; page-break-after: avoid; }
      li, p { orphans: 3; widows: 3; }
      .brief li { break-inside: avoid-page; }
      .brief section { break-inside: auto; }
      details > * { display: block; }
    }
    @media (max-width: 40rem) {
      .field.wide { grid-column: auto; } h1 { font-size: 1.5rem; } th, td { padding: .35rem; }
      /* Other wide tables scroll inside their own box instead of widening the page. */
      table:not(.agencies):not(.cards) { display: block; max-width: 100%; overflow-x: auto; }
      /* Cells keep a readable width (no one-letter columns, no words broken mid-way); the table scrolls instead. */
      table:not(.agencies):not(.cards) th, table:not(.agencies):not(.cards) td { min-width: 7rem; overflow-wrap: normal; word-break: normal; }
      #topic-table th, #topic-table td { min-width: 0; }
      #topic-table label.radio { display: block; }
      pre.letter { overflow-wrap: anywhere; }
      /* The agency tables (and other .cards tables) become one card per agency, each cell labelled. */
      table.agencies thead, table.cards thead { position: absolute; left: -9999px; }
      table.agencies caption, table.cards caption { display: block; }
      table.agencies, table.agencies tbody, table.agencies tr, table.agencies td, table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
      table.agencies tr, table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; background: #fff; }
      table.agencies td, table.cards td { border: 0; padding: .2rem .6rem; text-align: left; }
      table.agencies td::before, table.cards td::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
      table.agencies td:first-child::before, table.cards td:first-child::before { content: none; }
      table.agencies td:first-child, table.cards td:first-child { font-weight: 700; padding-top: .5rem; }
    }
    """
}
