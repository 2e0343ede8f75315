/**
 * Agreement between goship and a peer on the rules goship says it covers: for each goship rule
 * whose meta names hadolint codes (meta.hadolint) or BuildKit checks (meta.buildkit, seen in
 * tally as buildkit/<Check>; an optional meta.tally lists tally rule IDs), count the peer's
 * hits on those codes, how many of them goship matches on the same line or at least in the
 * same file, and the files where goship fires but the peer is silent. Pure: findings in
 * (each { name, rule, line }), rows out. A line-level match is approximate by nature: the
 * tools anchor some findings on different lines (hadolint DL3002 on USER, a "no USER" finding
 * on FROM), which is why the same-file count is given beside it.
 */

/** The peer rule codes that correspond to one goship rule's metadata. */
export function peerCodes(meta, peer) {
  const hadolint = Array.isArray(meta.hadolint) ? meta.hadolint : [];
  const buildkit = Array.isArray(meta.buildkit) ? meta.buildkit : [];
  const tally = Array.isArray(meta.tally) ? meta.tally : [];
  if (peer === "hadolint") return hadolint;
  if (peer === "tally") return [...hadolint.map((c) => `hadolint/${c}`), ...buildkit.map((b) => `buildkit/${b}`), ...tally];
  return [];
}

function index(findings) {
  const byFile = new Map();
  for (const f of findings) {
    const list = byFile.get(f.name) ?? [];
    list.push(f);
    byFile.set(f.name, list);
  }
  return byFile;
}

/** rows: { ruleId, peer, codes, peerHits, sameLine, sameFile, goshipHits, goshipOnlyFiles } */
export function agreement(metas, goshipFindings, peerFindings) {
  const rows = [];
  for (const meta of metas) {
    const mine = goshipFindings.filter((f) => f.rule === meta.id);
    const mineByFile = index(mine);
    for (const [peer, findings] of Object.entries(peerFindings)) {
      const codes = peerCodes(meta, peer);
      if (codes.length === 0 || !findings) continue;
      const theirs = findings.filter((f) => codes.includes(f.rule));
      const theirsByFile = index(theirs);
      let sameLine = 0;
      let sameFile = 0;
      for (const t of theirs) {
        const m = mineByFile.get(t.name) ?? [];
        if (m.length > 0) sameFile++;
        if (m.some((x) => x.line === t.line)) sameLine++;
      }
      const goshipOnlyFiles = [...mineByFile.keys()].filter((n) => !theirsByFile.has(n)).length;
      rows.push({ ruleId: meta.id, peer, codes, peerHits: theirs.length, sameLine, sameFile, goshipHits: mine.length, goshipOnlyFiles });
    }
  }
  return rows;
}
