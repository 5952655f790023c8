/// The page's style sheet: readable on a phone (tables scroll sideways, charts scale), clean in
/// print (no backgrounds, figures and tables kept whole), with contrast of at least 4.5:1.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; }
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; }
        .summary { background: #EEF4F9; border-left: 6px solid #0072B2; padding: 0.5rem 1rem; }
        .summary > p:first-child { font-size: 1.15rem; font-weight: 600; }
        section { min-width: 0; max-width: 100%; }
        .table-wrap { overflow-x: auto; max-width: 100%; margin: 0.75rem 0; }
        table { border-collapse: collapse; min-width: 100%; font-size: 0.85rem; }
        td code { font-size: 0.8rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #c9d1d9; vertical-align: top; }
        th { background: #F3F5F7; text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num { white-space: normal; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; background: #F3F5F7; padding: 0 0.2em; }
        dl.legend { display: grid; grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr); gap: 0.2rem 1rem; font-size: 0.92rem; }
        dl.legend dt { font-weight: 600; }
        dl.legend dd { margin: 0; }
        figure { margin: 1rem 0; }
        figcaption { margin-bottom: 0.5rem; }
        svg.chart { width: 100%; max-width: 48rem; height: auto; font: 12px system-ui, Arial, sans-serif; fill: #1a1a1a; }
        svg.chart text { fill: #1a1a1a; }
        .sparks svg.chart { max-width: none; }
        .sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
        .spark p { margin: 0; }
        .spark-label { font-weight: 600; }
        .spark-values { font-size: 0.85rem; color: #3d4852; }
        details summary { cursor: pointer; color: #005a8c; }
        @media (max-width: 40rem) { dl.legend { grid-template-columns: 1fr; } h1 { font-size: 1.35rem; } }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          :root, body, main, section, .summary, th, td, code, figure { background: #ffffff !important; color: #000000; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 16pt; margin-top: 0; }
          h2 { font-size: 13pt; border-bottom-color: #000000; break-after: avoid; page-break-after: avoid; }
          .summary { border-left: 3px solid #000000; }
          .table-wrap { overflow: visible; max-width: none; }
          table { min-width: 0; width: 100%; font-size: 8pt; break-inside: avoid; page-break-inside: avoid; }
          td code { font-size: 7.5pt; }
          th, td { padding: 2pt 3pt; border-bottom-color: #808080; }
          .num { white-space: normal; }
          thead { display: table-header-group; }
          tr, figure, .spark, dl.legend { break-inside: avoid; page-break-inside: avoid; }
          caption, figcaption { break-after: avoid; page-break-after: avoid; }
          svg.chart { max-width: 100%; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          .sparks { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6pt; }
          a { color: #000000; }
          details summary { display: none; }
        }
        """
}
