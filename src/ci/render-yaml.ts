/**
 * Plain objects to YAML text for the generated CI files, through the yaml
 * package: block style, no line folding, and every `uses: owner/repo@<sha>`
 * followed by the `# vX.Y.Z` comment of the tag the SHA belongs to.
 */
import { Document, isMap, isPair, isScalar, visit } from "yaml";
import { PINS } from "./pins.js";

const VERSION_OF_SHA: ReadonlyMap<string, string> = new Map(Object.values(PINS).map((p) => [p.sha, p.version]));

export function toYaml(value: unknown, header: readonly string[]): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== "uses" || !isScalar(pair.value)) return;
      const ref = String(pair.value.value);
      const sha = ref.slice(ref.lastIndexOf("@") + 1);
      const v = VERSION_OF_SHA.get(sha);
      if (v) pair.value.comment = ` ${v}`;
    },
  });
  // Blank lines between top-level sections and between jobs, for reading.
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((it, i) => {
      if (i > 0 && isScalar(it.key)) it.key.spaceBefore = true;
      if (isScalar(it.key) && it.key.value === "jobs" && isMap(it.value)) {
        it.value.items.forEach((j, k) => {
          if (k > 0 && isScalar(j.key)) j.key.spaceBefore = true;
        });
      }
    });
  }
  doc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
