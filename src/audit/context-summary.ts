/**
 * The build context as the audit report shows it: totals, the ignore file,
 * and the size tree (context/tree.ts sizeTree) cut for a treemap: at most
 * `width` children per folder (largest first; the rest summed into one
 * "(other)" node) and `depth` levels, and at most `maxNodes` nodes in all.
 * Pure.
 */
import type { SizeNode } from "../context/tree.js";
import type { ContextNode, ContextSummary } from "./types.js";

export interface TreeCut {
  readonly depth: number;
  readonly width: number;
  readonly maxNodes: number;
}

export const DEFAULT_TREE_CUT: TreeCut = { depth: 4, width: 12, maxNodes: 300 };

/** The tree cut to `cut`, sizes unchanged (an "(other)" node keeps the sum of what was cut). */
export function cutTree(root: SizeNode, cut: TreeCut = DEFAULT_TREE_CUT): ContextNode {
  let budget = cut.maxNodes - 1;
  const visit = (n: SizeNode, depth: number): ContextNode => {
    const base = { name: n.path === "" ? "." : n.name, path: n.path, bytes: n.bytes, files: n.files };
    if (!n.dir) return base;
    if (depth >= cut.depth || n.children.size === 0) return { ...base, children: [] };
    const kids = [...n.children.values()].sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
    const room = Math.max(0, Math.min(cut.width, budget));
    const shown = kids.length <= room ? kids : kids.slice(0, Math.max(0, room - 1));
    const rest = kids.slice(shown.length);
    budget -= shown.length + (rest.length > 0 ? 1 : 0);
    const children: ContextNode[] = shown.map((c) => visit(c, depth + 1));
    if (rest.length > 0) {
      children.push({
        name: `(other: ${rest.length})`,
        path: n.path === "" ? "(other)" : `${n.path}/(other)`,
        bytes: rest.reduce((s, c) => s + c.bytes, 0),
        files: rest.reduce((s, c) => s + (c.dir ? c.files : c.files), 0),
      });
    }
    return { ...base, children };
  };
  return visit(root, 0);
}

export function contextSummary(dir: string, ignoreFile: string | null, tree: SizeNode, cut: TreeCut = DEFAULT_TREE_CUT): ContextSummary {
  return { dir, files: tree.files, bytes: tree.bytes, ignoreFile, tree: cutTree(tree, cut) };
}
