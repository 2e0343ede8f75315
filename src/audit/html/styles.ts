/**
 * The stylesheet of the HTML audit report, inlined into the page: system
 * fonts only, light and dark colours (prefers-color-scheme; print always
 * light), the treemap palette, and print rules (no controls, no split cards).
 */
export const STYLES = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--card:#f6f8fa;--link:#0969da;
--error:#cf222e;--warning:#9a6700;--info:#0969da;--good:#1a7f37;--fair:#9a6700;--poor:#cf222e;
--t0:#4e79a7;--t1:#f28e2b;--t2:#59a14f;--t3:#e15759;--t4:#76b7b2;--t5:#edc948;--t6:#b07aa1;--t7:#9c755f;
--s-total:#1f2328;--s-error:#cf222e;--s-warning:#bf8700;--s-image:#0969da;--s-context:#8250df;--jump:#cf222e}
@media screen and (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--card:#151b23;--link:#4493f8;
--error:#ff7b72;--warning:#d29922;--info:#58a6ff;--good:#3fb950;--fair:#d29922;--poor:#ff7b72;
--s-total:#e6edf3;--s-error:#ff7b72;--s-warning:#d29922;--s-image:#58a6ff;--s-context:#bc8cff;--jump:#ff7b72}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:24px;background:var(--bg);color:var(--fg);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
a{color:var(--link)}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--border)}
h3{font-size:15px;margin:20px 0 4px}
.root{font-weight:400;color:var(--muted)}
header.top{display:flex;gap:24px;justify-content:space-between;align-items:flex-start;flex-wrap:wrap}
dl.meta{display:grid;grid-template-columns:1fr;gap:2px;margin:0}
dl.meta div{display:flex;gap:8px}dl.meta dt{color:var(--muted);min-width:80px}dl.meta dd{margin:0;overflow-wrap:anywhere}
.overall{text-align:center;padding:12px 20px;border:1px solid var(--border);border-radius:8px;background:var(--card);min-width:200px}
.big{font-size:40px;font-weight:700;line-height:1.1}.of{color:var(--muted)}
.score-good .big,.score-chip.score-good{color:var(--good)}.score-fair .big,.score-chip.score-fair{color:var(--fair)}
.score-poor .big,.score-chip.score-poor{color:var(--poor)}.score-none .big{color:var(--muted)}
.verdict{font-weight:600;margin:4px 0}.exit-1{color:var(--error)}.exit-0{color:var(--good)}
nav.toc{margin:16px 0;display:flex;flex-wrap:wrap;gap:4px 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}
.card{display:block;padding:10px 12px;border:1px solid var(--border);border-radius:8px;background:var(--card);color:inherit;text-decoration:none;break-inside:avoid}
.card:hover{border-color:var(--link)}.card-head{display:flex;justify-content:space-between;align-items:center}
.area-name{font-weight:600}.card .summary{font-size:13px}.note{font-size:12.5px;color:var(--muted)}
.sev,.status,.area-tag{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;font-weight:600;border:1px solid currentColor}
.sev-error{color:var(--error)}.sev-warning{color:var(--warning)}.sev-info{color:var(--info)}
.status-ok{color:var(--good)}.status-findings{color:var(--warning)}.status-skipped{color:var(--muted)}.status-failed{color:var(--error)}
.area-tag{color:var(--muted);font-weight:400}
ol.fixes{padding-left:24px}.fix-item{margin:0 0 10px;break-inside:avoid}.fix-item .msg{margin-top:2px}.action{color:var(--muted)}
.action::before{content:"→ "}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--border)}
th{font-weight:600;white-space:nowrap}td.num,th[data-type=num]{text-align:right}
td.rule code,td.loc code{overflow-wrap:break-word}
td .fix{color:var(--muted);font-size:12.5px}
button.sort{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
.controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
.controls input[type=search]{font:inherit;padding:2px 6px;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:4px}
.count{color:var(--muted)}
.gate-pass{color:var(--good);font-weight:600}.gate-fail{color:var(--error);font-weight:600}
.empty,.no-jumps{color:var(--muted)}
figure{margin:8px 0}figcaption{color:var(--muted);font-size:12.5px}
svg{width:100%;height:auto;display:block;font:11px system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
svg text{fill:var(--fg)}svg .tick{fill:var(--muted)}
.treemap rect{stroke:var(--bg);stroke-width:1}.treemap text{pointer-events:none}.treemap .size{fill:var(--muted)}
.treemap .tm-cell:hover>rect{stroke:var(--fg)}
.c0 rect{fill:var(--t0)}.c1 rect{fill:var(--t1)}.c2 rect{fill:var(--t2)}.c3 rect{fill:var(--t3)}
.c4 rect{fill:var(--t4)}.c5 rect{fill:var(--t5)}.c6 rect{fill:var(--t6)}.c7 rect{fill:var(--t7)}
.tm-cell.open rect{fill-opacity:.28}.tm-cell rect{fill-opacity:.7}.tm-cell.d2:not(.open) rect{fill-opacity:.55}.tm-cell.d3 rect,.tm-cell.d4 rect{fill-opacity:.45}
.layers .track{fill:var(--card)}.layers .bar{fill:var(--t0)}.layers .layer:hover .bar{fill:var(--t1)}
.history .grid{stroke:var(--border);stroke-width:1}.history .tick-mark{stroke:var(--muted)}
.history .panel-title{font-weight:600;font-size:12px}
.history .series{fill:none;stroke-width:2}.history line.s-total,.history line.s-error,.history line.s-warning,.history line.s-image,.history line.s-context{stroke-width:2.5}
.s-total{stroke:var(--s-total)}.s-error{stroke:var(--s-error)}.s-warning{stroke:var(--s-warning)}.s-image{stroke:var(--s-image)}.s-context{stroke:var(--s-context)}
.history .series.s-error,.history .series.s-warning{stroke-width:1.5;stroke-dasharray:4 3}
.history .point{fill:var(--bg);stroke-width:2}.history .point.anomaly{fill:var(--jump);stroke:var(--jump)}
.history text.legend{stroke:none}
.history .anomaly-label{fill:var(--jump);font-weight:700}
ul.jumps li strong{color:var(--jump)}td.jump{color:var(--jump);font-weight:700}
details summary{cursor:pointer;color:var(--link)}
pre{margin:4px 0 12px;padding:8px 12px;background:var(--card);border:1px solid var(--border);border-radius:6px;overflow:auto}
pre code{overflow-wrap:normal;white-space:pre}
footer{margin-top:32px;color:var(--muted);font-size:12px}
@media print{body{max-width:none;padding:0;font-size:11px}nav.toc,.controls{display:none!important}
a{color:inherit;text-decoration:none}h2{break-after:avoid}figure,.card,.overall,tr{break-inside:avoid}
details>table{display:table}}
`;
