/**
 * Expands the Go-template subset goship accepts in ldflags and version
 * strings (as ko and GoReleaser spell them): `{{.Git.Commit}}`,
 * `{{.Git.ShortCommit}}`, `{{.Git.Tag}}`, `{{.Version}}`, `{{.Date}}`
 * (RFC 3339 of the build epoch), `{{.Env.NAME}}`, `{{.Target.Os}}`,
 * `{{.Target.Arch}}`. A missing key is an error, never an empty string
 * (ko's missingkey=error). Pure. Leaves out pipelines, functions and
 * conditionals.
 */
export interface TemplateData {
  readonly git: { readonly commit?: string; readonly tag?: string };
  readonly version?: string;
  readonly date: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly target: { readonly os: string; readonly arch: string };
}

export class TemplateError extends Error {
  override readonly name = "TemplateError";
}

export function expandTemplate(s: string, data: TemplateData): string {
  return s.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_all, key: string) => {
    const v = lookup(key, data);
    if (v === undefined || v === "") throw new TemplateError(`template ${JSON.stringify(`{{${key}}}`)}: no value for ${key}`);
    return v;
  });
}

function lookup(key: string, d: TemplateData): string | undefined {
  switch (key) {
    case ".Git.Commit":
    case ".Git.FullCommit":
      return d.git.commit;
    case ".Git.ShortCommit":
      return d.git.commit?.slice(0, 7);
    case ".Git.Tag":
      return d.git.tag;
    case ".Version":
      return d.version;
    case ".Date":
      return d.date;
    case ".Target.Os":
      return d.target.os;
    case ".Target.Arch":
      return d.target.arch;
  }
  const m = /^\.Env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(key);
  if (m) return d.env[m[1] as string];
  throw new TemplateError(`template key ${key} is not supported (use .Git.Commit, .Git.ShortCommit, .Git.Tag, .Version, .Date, .Env.NAME, .Target.Os, .Target.Arch)`);
}
