/// The report's one stylesheet (`style.css`, next to `index.html`): system fonts only (CJK
/// included), light and dark colour schemes, and a print layout.
public enum HTMLStyle {
    public static let stylesheet = """
        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1c232e; --muted: #5a6473; --card: #f5f7fa; --border: #d8dde5;
          --link: #1d5fb8; --grid: #e3e7ed; --axis: #5a6473;
          --good: #17803d; --warn: #a85a00; --bad: #b42318;
          --stage-0: #a8d5c9; --stage-1: #4a9bbf; --stage-2: #2b4b94; --stage-3: #7a4fa3; --stage-4: #c26a2b; --stage-5: #8a8f98;
          --open: #c9d8ec; --weighted: #2b5fa8; --empty: #e6e9ee;
          --ws-installed: #cdebd6; --ws-won: #d0e3f7; --ws-pipeline: #fbe3bd; --ws-lost: #f7d0cc;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #12161c; --fg: #e4e8ee; --muted: #9aa4b2; --card: #1b2129; --border: #2e3743;
            --link: #7fb2ff; --grid: #2a323d; --axis: #9aa4b2;
            --good: #4cc27a; --warn: #f0a44b; --bad: #ff7b6e;
            --stage-0: #6fb8a6; --stage-1: #3f8fc4; --stage-2: #8d9cf0; --stage-3: #b58ad6; --stage-4: #e0935a; --stage-5: #a3a9b3;
            --open: #2d4563; --weighted: #6ea6f5; --empty: #2a313b;
            --ws-installed: #1d4a2f; --ws-won: #1d3b5c; --ws-pipeline: #5a4116; --ws-lost: #5c2520;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--fg); line-height: 1.45; font-size: 15px;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
            "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
        }
        a { color: var(--link); }
        header.top {
          display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: baseline; padding: .7em 1.5em;
          border-bottom: 1px solid var(--border); background: var(--card);
        }
        header.top .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
        header.top .crumbs { color: var(--muted); }
        header.top .source { margin-left: auto; color: var(--muted); font-size: .9em; }
        main { max-width: 1240px; margin: 0 auto; padding: 1em 1.5em 2em; }
        h1 { font-size: 1.6em; margin: .3em 0 .1em; }
        h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.02em; margin: 0 0 .3em; }
        .subtitle, .muted { color: var(--muted); }
        .note { color: var(--muted); font-size: .92em; }
        .banner { border: 1px solid var(--warn); border-left-width: 5px; padding: .6em .9em; margin: 1em 0; border-radius: 4px; }
        .banner.bad { border-color: var(--bad); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: .8em; }
        .tile, .card { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: .7em .9em; }
        .tile .label { color: var(--muted); font-size: .85em; }
        .tile .value { font-size: 1.25em; overflow-wrap: anywhere; font-weight: 650; font-variant-numeric: tabular-nums; }
        .tile .detail { color: var(--muted); font-size: .85em; }
        .tile .unit { font-size: .65em; font-weight: 500; color: var(--muted); }
        .tile.wide { grid-column: span 2; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: .9em; }
        .card h3 a { text-decoration: none; }
        .card dl { display: grid; grid-template-columns: auto 1fr; gap: .1em .8em; margin: .5em 0 0; font-size: .92em; }
        .card dt { color: var(--muted); }
        .card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; font-size: .78em; padding: 0 .45em; border-radius: 3px; border: 1px solid var(--border);
          color: var(--muted); vertical-align: middle; }
        .badge.bad { color: var(--bad); border-color: var(--bad); }
        .badge.warn { color: var(--warn); border-color: var(--warn); }
        .badge.good { color: var(--good); border-color: var(--good); }
        .up { color: var(--good); } .down { color: var(--bad); } .warn { color: var(--warn); }
        svg { display: block; }
        svg.stage-bar { width: 100%; height: 14px; margin: .5em 0 .2em; border-radius: 2px; }
        svg.chart { width: 100%; max-width: 900px; height: auto; }
        svg.org { width: 100%; max-width: 900px; height: auto; margin: .5em 0; }
        svg.org .org-line { fill: none; stroke: var(--axis); stroke-width: 1.2; }
        svg.org rect { stroke: var(--axis); stroke-width: 1; }
        svg.org .key rect { stroke-width: 2.5; }
        svg.org .rel-strong rect { fill: #d3f9d8; } svg.org .rel-medium rect { fill: #fff3bf; }
        svg.org .rel-weak rect { fill: #ffe3e3; } svg.org .rel-none rect, svg.org .rel-unknown rect { fill: #f1f3f5; }
        svg.org text { fill: #212529; font-family: inherit; } svg.org .org-name { font-size: 13px; font-weight: 600; }
        svg.org .org-detail { font-size: 11px; }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .baseline { stroke: var(--axis); stroke-width: 1; }
        svg .axis { fill: var(--axis); font-size: 11px; font-family: inherit; }
        svg .hover { fill: transparent; }
        svg .hover:hover { fill: var(--fg); fill-opacity: .06; }
        svg .empty { fill: var(--empty); }
        svg .open { fill: var(--open); } svg .weighted { fill: var(--weighted); }
        svg .past .open, svg .past .weighted { fill-opacity: .55; }
        .stage-0 { fill: var(--stage-0); background: var(--stage-0); } .stage-1 { fill: var(--stage-1); background: var(--stage-1); }
        .stage-2 { fill: var(--stage-2); background: var(--stage-2); } .stage-3 { fill: var(--stage-3); background: var(--stage-3); }
        .stage-4 { fill: var(--stage-4); background: var(--stage-4); } .stage-5 { fill: var(--stage-5); background: var(--stage-5); }
        .legend { display: flex; flex-wrap: wrap; gap: .2em 1em; font-size: .88em; color: var(--muted); margin: .3em 0; padding: 0;
          list-style: none; }
        .swatch { display: inline-block; width: .85em; height: .85em; border-radius: 2px; vertical-align: -.08em; margin-right: .3em; }
        .swatch.open { background: var(--open); } .swatch.weighted { background: var(--weighted); }
        .counts { font-size: .88em; color: var(--muted); }
        .meter { display: grid; grid-template-columns: 1fr auto; gap: .1em .6em; font-size: .88em; margin-top: .4em; }
        .meter .track { height: 6px; background: var(--empty); border-radius: 3px; align-self: center; overflow: hidden; }
        .meter .fill { height: 100%; background: var(--good); }
        .meter .fill.short { background: var(--warn); }
        .table-wrap { overflow-x: auto; }
        table.data { border-collapse: collapse; width: 100%; font-size: .92em; margin: .4em 0 1em; }
        table.data th, table.data td { text-align: left; padding: .3em .6em; border-bottom: 1px solid var(--border); vertical-align: top; }
        table.data th { color: var(--muted); font-weight: 600; }
        table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.data tfoot td { font-weight: 650; }
        table.whitespace td.ws { text-align: center; white-space: nowrap; border-left: 1px solid var(--bg); }
        .ws-installed { background: var(--ws-installed); } .ws-won { background: var(--ws-won); }
        .ws-pipeline { background: var(--ws-pipeline); } .ws-lost { background: var(--ws-lost); }
        .ws-none { background: repeating-linear-gradient(135deg, transparent 0 5px, var(--empty) 5px 7px); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        ul.items { padding-left: 1.2em; }
        ul.items li { margin: .15em 0; }
        .score td ul.items { margin: 0; }
        ul.tasks { list-style: none; padding-left: 0; }
        .date { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
        time.date { font-weight: inherit; }
        .nowrap { white-space: nowrap; }
        .done { color: var(--muted); text-decoration: line-through; }
        .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .2em 1.5em; margin: .6em 0; }
        .fields div { display: flex; gap: .6em; border-bottom: 1px dotted var(--border); padding: .15em 0; }
        .fields .key { color: var(--muted); min-width: 8em; }
        details summary { cursor: pointer; color: var(--muted); margin: .3em 0; }
        footer { max-width: 1240px; margin: 0 auto; padding: 1em 1.5em 2em; color: var(--muted); font-size: .85em; }
        @media print {
          :root {
            color-scheme: light;
            --bg: #ffffff; --fg: #000000; --muted: #444a55; --card: #ffffff; --border: #b9c0ca; --link: #000000;
            --grid: #dde2e8; --axis: #444a55;
            --stage-0: #a8d5c9; --stage-1: #4a9bbf; --stage-2: #2b4b94; --stage-3: #7a4fa3; --stage-4: #c26a2b; --stage-5: #8a8f98;
            --open: #c9d8ec; --weighted: #2b5fa8; --empty: #e6e9ee;
          }
          body { font-size: 11pt; }
          header.top { background: none; }
          main { max-width: none; padding: 0 0 1em; }
          a { text-decoration: none; }
          .card, .tile, svg.chart, table.data tr { break-inside: avoid; }
          h2 { break-after: avoid; }
          details:not([open]) { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
