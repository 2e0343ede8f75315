/**
 * Audit area "image" (with `--image`): the ImageSummary (layers with sizes
 * and the history line that made each, user, platform, size), and findings
 * about the built image: it runs as root (image/root-user), secrets in its
 * config (Env, Labels, history: image/secret-config), private keys and
 * credentials in its files (image/secret-file, by name; image/secret by
 * content, src/secrets scanText on text files up to 1 MiB, layers up to
 * 256 MiB in all). The Go modules of its binaries (`dependencies`) come
 * from src/sbom sbomForImage.
 */
import { gunzip } from "../../oci/gzip.js";
import { readTar } from "../../oci/tar-read.js";
import type { Image } from "../../oci/image.js";
import type { Finding } from "../../finding/finding.js";
import { isPrivateKeyName } from "../../context/junk.js";
import { isPlaceholderValue, isSecretName, mask, scanText, secretToFinding } from "../../secrets/index.js";
import { formatBytes } from "../../context/tree.js";
import { ranArea } from "../score.js";
import type { AreaResult, DependencyInfo, ImageLayerInfo, ImageSummary } from "../types.js";
import type { LoadedImage } from "./load-image.js";
import { sbomForImage } from "../../sbom/index.js";

const ROOT_USER = /^(|root|0)(:.*)?$/;
const MAX_SCAN_FILE = 1024 * 1024;
const MAX_SCAN_LAYERS = 256 * 1024 * 1024;

/** The summary of an image (pure). */
export function imageSummary(ref: string, image: Image): ImageSummary {
  const history = (image.config.history ?? []).filter((h) => h.empty_layer !== true);
  const layers: ImageLayerInfo[] = image.manifest.layers.map((l, i) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType, createdBy: history[i]?.created_by ?? "" }));
  const c = image.config;
  const platform = `${c.os}/${c.architecture}${c.variant ? `/${c.variant}` : ""}`;
  const size = layers.reduce((s, l) => s + l.size, 0) + image.manifest.config.size;
  return { ref, digest: image.digest.text, platform, size, user: c.config?.User ?? "", layers };
}

/** Findings about the image's config (pure). */
export function configFindings(ref: string, image: Image): Finding[] {
  const out: Finding[] = [];
  const file = `${ref} (config)`;
  const at = (ruleId: string, severity: Finding["severity"], message: string): Finding => ({ ruleId, severity, message, file, line: 0, column: 0 });
  const user = image.config.config?.User ?? "";
  if (ROOT_USER.test(user.trim())) out.push(at("image/root-user", "warning", user ? `the image runs as ${user}` : "the image sets no user, so it runs as root"));
  const pairs: [string, string, string][] = [];
  for (const e of image.config.config?.Env ?? []) {
    const i = e.indexOf("=");
    if (i > 0) pairs.push(["Env", e.slice(0, i), e.slice(i + 1)]);
  }
  for (const [k, v] of Object.entries(image.config.config?.Labels ?? {})) pairs.push(["Labels", k, v]);
  for (const [where, k, v] of pairs) {
    if (isSecretName(k) && v.length >= 6 && !isPlaceholderValue(v)) out.push(at("image/secret-config", "error", `${where} ${k}=${mask(v)} is a secret baked into the image config (anyone who can pull the image reads it)`));
    else for (const s of scanText(`${k}=${v}`, { file })) out.push(at("image/secret-config", "error", `${where} ${k}: ${s.title} (${s.preview})`));
  }
  (image.config.history ?? []).forEach((h, i) => {
    for (const s of scanText(h.created_by ?? "", { file })) out.push(at("image/secret-config", "error", `history entry ${i + 1}: ${s.title} (${s.preview}) in the command that built a layer`));
  });
  return out;
}

/** Findings about the image's files: key files by name, secrets in text files. */
export async function fileFindings(ref: string, image: Image): Promise<{ findings: Finding[]; note?: string }> {
  const total = image.manifest.layers.reduce((s, l) => s + l.size, 0);
  if (total > MAX_SCAN_LAYERS) return { findings: [], note: `files not scanned: layers are ${formatBytes(total)} (limit ${formatBytes(MAX_SCAN_LAYERS)})` };
  const findings: Finding[] = [];
  for (const l of image.manifest.layers) {
    let data = await image.blob(l.digest);
    if (l.mediaType.endsWith("gzip")) data = gunzip(data);
    else if (!l.mediaType.endsWith("tar") && !l.mediaType.endsWith(".tar")) continue;
    for (const e of readTar(data)) {
      if (e.typeflag !== "0" && e.typeflag !== "\0" && e.typeflag !== "") continue;
      const path = "/" + e.path.replace(/^\.?\//, "");
      const name = path.slice(path.lastIndexOf("/") + 1);
      const file = `${ref}:${path}`;
      if (isPrivateKeyName(name) || name === ".netrc" || name === ".git-credentials" || /^\.env(\.|$)/.test(name) && !/\.(example|sample|template)$/.test(name)) {
        findings.push({ ruleId: "image/secret-file", severity: "error", message: `${path} in layer ${l.digest.slice(0, 19)}: a credential file shipped in the image`, file, line: 0, column: 0 });
        continue;
      }
      if (e.data.length === 0 || e.data.length > MAX_SCAN_FILE || e.data.subarray(0, 8192).includes(0)) continue;
      for (const s of scanText(Buffer.from(e.data).toString("utf8"), { file })) findings.push({ ...secretToFinding(s), ruleId: "image/secret" });
    }
  }
  return { findings };
}

/** The Go modules of the image's binaries (src/sbom sbomForImage), deduplicated by path and version. */
export async function imageDependencies(image: Image, ref: string): Promise<DependencyInfo[]> {
  const sbom = await sbomForImage(image, ref);
  const out = new Map<string, DependencyInfo>();
  for (const b of sbom.binaries) {
    const info = b.info;
    if (info.goVersion) out.set(`stdlib@${info.goVersion}`, { path: "stdlib", version: info.goVersion, kind: "stdlib" });
    if (info.main.path) out.set(`${info.main.path}@${info.main.version}`, { path: info.main.path, version: info.main.version, ...(info.main.sum ? { hash: info.main.sum } : {}), kind: "main" });
    for (const d of info.deps) {
      const m = d.replace ?? d;
      out.set(`${d.path}@${m.version}`, { path: d.path, version: m.version, ...(m.sum ? { hash: m.sum } : {}), kind: "dep" });
    }
  }
  return [...out.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "main" ? -1 : b.kind === "main" ? 1 : a.kind === "stdlib" ? -1 : b.kind === "stdlib" ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface ImageAreaResult {
  readonly area: AreaResult;
  readonly summary: ImageSummary;
  readonly dependencies: readonly DependencyInfo[] | null;
}

export async function imageArea(loaded: LoadedImage): Promise<ImageAreaResult> {
  const summary = imageSummary(loaded.ref, loaded.image);
  const files = await fileFindings(loaded.ref, loaded.image);
  const findings = [...configFindings(loaded.ref, loaded.image), ...files.findings];
  let dependencies: DependencyInfo[] | null = null;
  let depNote: string | undefined;
  try {
    dependencies = await imageDependencies(loaded.image, loaded.ref);
  } catch (e) {
    depNote = `SBOM not read: ${(e as Error).message}`;
  }
  if (dependencies !== null && dependencies.length === 0) depNote = "no Go binary with build info found in the image";
  const notes = [files.note, depNote].filter((x): x is string => x !== undefined);
  const area = ranArea("image", findings, `${summary.platform}, ${summary.layers.length} layers, ${formatBytes(summary.size)}`, notes.length ? notes.join("; ") : undefined);
  return { area, summary, dependencies };
}
