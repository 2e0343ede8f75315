/**
 * The third-party actions goship's generated workflows and action.yml use,
 * each pinned by the full commit SHA of a released tag (read from the
 * action's own repository: `git rev-list -n1 <tag>`), with the tag kept for
 * the `# vX.Y.Z` comment a reader and Dependabot rely on.
 */
export interface PinnedAction {
  /** owner/repo[/path] as written before the `@`. */
  readonly uses: string;
  /** Full 40-hex commit SHA the tag pointed at. */
  readonly sha: string;
  /** The released tag. */
  readonly version: string;
}

export const PINS = {
  checkout: { uses: "actions/checkout", sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", version: "v7.0.1" },
  setupNode: { uses: "actions/setup-node", sha: "820762786026740c76f36085b0efc47a31fe5020", version: "v7.0.0" },
  setupGo: { uses: "actions/setup-go", sha: "b7ad1dad31e06c5925ef5d2fc7ad053ef454303e", version: "v7.0.0" },
  cache: { uses: "actions/cache", sha: "27d5ce7f107fe9357f9df03efb73ab90386fccae", version: "v5.0.5" },
  uploadSarif: { uses: "github/codeql-action/upload-sarif", sha: "8aad20d150bbac5944a9f9d289da16a4b0d87c1e", version: "v4.36.2" },
} as const satisfies Record<string, PinnedAction>;

/** `owner/repo@sha` (the comment is added by the renderer). */
export function usesRef(a: PinnedAction): string {
  return `${a.uses}@${a.sha}`;
}
