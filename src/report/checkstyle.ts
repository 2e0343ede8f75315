/**
 * Checkstyle XML (the format Jenkins, GitLab and reviewdog read):
 * <checkstyle version="4.3"><file name=".."><error line column severity message source/></file></checkstyle>.
 * Every analysed file appears, clean ones as empty <file/> elements.
 */
import type { Finding } from "../finding/finding.js";
import type { Formatter } from "./report.js";

export const formatCheckstyle: Formatter = (input) => {
  const byFile = new Map<string, Finding[]>();
  for (const f of input.files) byFile.set(f, []);
  for (const f of input.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, fs] of byFile) {
    if (fs.length === 0) {
      out.push(`  <file name="${xml(file)}"/>`);
      continue;
    }
    out.push(`  <file name="${xml(file)}">`);
    for (const f of fs) {
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xml(f.message)}" source="goship.${xml(f.ruleId)}"/>`,
      );
    }
    out.push("  </file>");
  }
  out.push("</checkstyle>");
  return out.join("\n") + "\n";
};

function xml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // XML 1.0 forbids most control characters even as references.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}
