/**
 * The planted secrets corpus: seeded, realistic files of a Go service repo
 * (.env files, YAML config, Kubernetes manifests, Go source, Dockerfiles,
 * .netrc, .npmrc, service-account JSON, shell scripts, README) with secrets of
 * every kind goship detects planted at known lines, mixed with harmless
 * look-alikes (documented example keys, placeholders, `${VAR}` references,
 * hashes, checksums, UUIDs, certificates, public keys, test-mode keys,
 * lockfile integrity strings). Returns the files and the ground truth; the
 * generator script (scripts/gen-secret-corpus.mjs) writes them to disk and
 * the bench compares goship with gitleaks on them.
 */
import { makeRng, type Rng } from "../support/random.js";

export type PlantedKind =
  | "private-key" | "aws-access-key-id" | "aws-secret-key" | "gcp-service-account" | "azure-connection-string" | "github-token"
  | "gitlab-token" | "slack-token" | "npm-token" | "stripe-key" | "google-api-key" | "jwt" | "url-credentials" | "netrc-password" | "generic-secret";

export const PLANTED_KINDS: readonly PlantedKind[] = [
  "private-key", "aws-access-key-id", "aws-secret-key", "gcp-service-account", "azure-connection-string", "github-token", "gitlab-token",
  "slack-token", "npm-token", "stripe-key", "google-api-key", "jwt", "url-credentials", "netrc-password", "generic-secret",
];

export interface Planted {
  readonly file: string;
  readonly kind: PlantedKind;
  /** 1-based lines the secret spans. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface Corpus {
  readonly seed: number;
  readonly files: ReadonlyMap<string, string>;
  readonly planted: readonly Planted[];
  /** Look-alike lines planted (none of them is a secret). */
  readonly decoys: number;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64 = ALNUM + "+/";
const HEX = "0123456789abcdef";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function str(rng: Rng, n: number, alphabet = ALNUM): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString("base64url");

function pem(rng: Rng, label: string, lines = 8): string[] {
  const body = Array.from({ length: lines }, () => str(rng, 64, B64));
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`];
}

/** Lines holding one secret of `kind` (the secret spans all returned lines). */
function secretLines(rng: Rng, kind: PlantedKind, style: "env" | "yaml" | "go" | "sh"): string[] {
  const assign = (name: string, value: string): string =>
    style === "yaml" ? `${name.toLowerCase()}: "${value}"` : style === "go" ? `\t${name.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())} = "${value}"` : style === "sh" ? `export ${name}="${value}"` : `${name}=${value}`;
  switch (kind) {
    case "private-key":
      return pem(rng, rng.pick(["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY"]));
    case "aws-access-key-id":
      return [assign("AWS_ACCESS_KEY_ID", rng.pick(["AKIA", "ASIA"]) + str(rng, 16, B32))];
    case "aws-secret-key":
      return [assign("AWS_SECRET_ACCESS_KEY", str(rng, 40, B64))];
    case "gcp-service-account":
      return [`  "private_key": "-----BEGIN PRIVATE KEY-----\\n${str(rng, 64, B64)}\\n${str(rng, 64, B64)}\\n${str(rng, 40, B64)}\\n-----END PRIVATE KEY-----\\n",`];
    case "azure-connection-string":
      return [assign("AZURE_STORAGE_CONNECTION_STRING", `DefaultEndpointsProtocol=https;AccountName=${str(rng, 10, "abcdefghijklmnopqrstuvwxyz")};AccountKey=${str(rng, 86, B64)}==;EndpointSuffix=core.windows.net`)];
    case "github-token":
      return [assign(rng.pick(["GITHUB_TOKEN", "GH_TOKEN", "CI_GIT_TOKEN"]), rng.int(3) === 0 ? `github_pat_${str(rng, 22)}_${str(rng, 59)}` : `${rng.pick(["ghp", "gho", "ghs"])}_${str(rng, 36)}`)];
    case "gitlab-token":
      return [assign("GITLAB_TOKEN", `${rng.pick(["glpat", "gldt", "glrt"])}-${str(rng, 20, ALNUM + "_-")}`)];
    case "slack-token":
      return rng.int(2) === 0
        ? [assign("SLACK_BOT_TOKEN", `xoxb-${str(rng, 12, "0123456789")}-${str(rng, 13, "0123456789")}-${str(rng, 24)}`)]
        : [assign("SLACK_WEBHOOK", `https://hooks.slack.com/services/T${str(rng, 8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}/B${str(rng, 10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}/${str(rng, 24)}`)];
    case "npm-token":
      return [`//npm.pkg.example/:_authToken=npm_${str(rng, 36)}`];
    case "stripe-key":
      return [assign("STRIPE_SECRET_KEY", `sk_live_${str(rng, 24 + rng.int(70))}`)];
    case "google-api-key":
      return [assign("MAPS_API_KEY", `AIza${str(rng, 35, ALNUM + "_-")}`)];
    case "jwt":
      return [assign("SERVICE_JWT", `${b64url({ alg: "RS256", typ: "JWT", kid: str(rng, 8) })}.${b64url({ sub: str(rng, 12), iss: "auth.corp.example", exp: 1900000000 + rng.int(1e6) })}.${str(rng, 86, ALNUM + "_-")}`)];
    case "url-credentials":
      return [rng.int(2) === 0 ? assign("GOPROXY", `https://ci-bot:${str(rng, 20)}@goproxy.corp.example,direct`) : assign("DATABASE_URL", `postgres://app:${str(rng, 18, ALNUM + "-_")}@db.internal:5432/orders?sslmode=require`)];
    case "netrc-password":
      return [`machine ${rng.pick(["github.com", "gitlab.corp.example", "goproxy.corp.example"])} login ${rng.pick(["ci", "deploy", "bot"])} password ${str(rng, 24, ALNUM + "!#%")}`];
    case "generic-secret":
      return [assign(rng.pick(["DB_PASSWORD", "SESSION_SECRET", "CLIENT_SECRET", "API_KEY", "ENCRYPTION_KEY"]), str(rng, 16 + rng.int(24), ALNUM + "!#%&*-"))];
  }
}

/** One harmless line that looks like a secret. */
function decoy(rng: Rng): string[] {
  const all: (() => string[])[] = [
    () => ["AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"],
    () => ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    () => [`commit: ${str(rng, 40, HEX)}`],
    () => [`checksum: sha256:${str(rng, 64, HEX)}`],
    () => [`github.com/google/uuid v1.6.0 h1:${str(rng, 43, B64)}=`],
    () => [`request_id: ${str(rng, 8, HEX)}-${str(rng, 4, HEX)}-${str(rng, 4, HEX)}-${str(rng, 4, HEX)}-${str(rng, 12, HEX)}`],
    () => ["DB_PASSWORD=${DB_PASSWORD}"],
    () => ['token: "{{ .Values.apiToken }}"'],
    () => ["GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"],
    () => pem(rng, "CERTIFICATE", 6),
    () => pem(rng, "PUBLIC KEY", 4),
    () => ["GH_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    () => [`STRIPE_KEY=sk_test_${str(rng, 24)}`],
    () => [`  "integrity": "sha512-${str(rng, 86, B64)}=="`],
    () => [`FROM golang@sha256:${str(rng, 64, HEX)}`],
    () => ["GOPROXY=https://${GOPROXY_USER}:${GOPROXY_TOKEN}@goproxy.corp.example"],
    () => ["DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev"],
    () => ["password: <your-password-here>"],
    () => ['\ttoken := r.Header.Get("Authorization")'],
    () => ['\tsecret := os.Getenv("SESSION_SECRET")'],
    () => ["secret_name: orders-db-credentials"],
    () => ["PASSWORD_FILE=/run/secrets/db_password"],
    () => ["SLACK_BOT_TOKEN=xoxb-your-bot-token-here"],
    () => ["//npm.pkg.example/:_authToken=${NPM_TOKEN}"],
    () => [`password_hash: "$2a$10$${str(rng, 53, ALNUM + "./")}"`],
    () => [`image: registry.corp.example/orders:${str(rng, 7, HEX)}`],
    () => ["Paste your key between -----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY-----."],
    () => [`icon: data:image/png;base64,${str(rng, 120, B64)}`],
    () => ["tokenizer: bpe", "auth_enabled: true"],
    () => [`trace_id: ${str(rng, 32, HEX)}`],
    () => ["https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"],
    () => ["UseDevelopmentStorage=true"],
  ];
  return rng.pick(all)();
}

const FILLER: Readonly<Record<string, readonly string[]>> = {
  env: ["APP_ENV=production", "LOG_LEVEL=info", "PORT=8080", "GOFLAGS=-mod=mod", "CGO_ENABLED=0", "TZ=UTC", "FEATURE_FLAGS=orders,billing"],
  yaml: ["server:", "  port: 8080", "  read_timeout: 5s", "database:", "  host: db.internal", "  max_open_conns: 20", "log:", "  level: info", "metrics:", "  enabled: true"],
  go: ["package config", "", "import (", '\t"os"', '\t"time"', ")", "", "var (", "\tdefaultTimeout = 5 * time.Second", ")", "func load() {", '\t_ = os.Getenv("APP_ENV")', "}"],
  sh: ["#!/bin/sh", "set -eu", 'echo "deploying $SERVICE"', "go build -o /out/app ./cmd/app", "kubectl rollout status deploy/orders"],
};

interface FileKind {
  readonly name: (rng: Rng, i: number) => string;
  readonly style: "env" | "yaml" | "go" | "sh";
  /** Kinds that fit this file. */
  readonly kinds: readonly PlantedKind[];
  readonly header?: (rng: Rng) => string[];
  readonly footer?: string[];
}

const GENERAL: readonly PlantedKind[] = ["aws-access-key-id", "aws-secret-key", "azure-connection-string", "github-token", "gitlab-token", "slack-token", "stripe-key", "google-api-key", "jwt", "url-credentials", "generic-secret"];

const FILE_KINDS: readonly FileKind[] = [
  { name: (_r, i) => `deploy/env${i}/.env`, style: "env", kinds: GENERAL },
  { name: (_r, i) => `config/app-${i}.yaml`, style: "yaml", kinds: GENERAL },
  { name: (_r, i) => `internal/config/defaults_${i}.go`, style: "go", kinds: GENERAL, header: () => ["package config", "", "var ("], footer: [")"] },
  { name: (_r, i) => `scripts/deploy-${i}.sh`, style: "sh", kinds: GENERAL },
  { name: (_r, i) => `secrets/key-${i}.pem`, style: "env", kinds: ["private-key"] },
  { name: (_r, i) => `ci/netrc-${i}/.netrc`, style: "env", kinds: ["netrc-password"] },
  { name: (_r, i) => `web/app${i}/.npmrc`, style: "env", kinds: ["npm-token"] },
  {
    name: (_r, i) => `deploy/gcp/sa-${i}.json`,
    style: "env",
    kinds: ["gcp-service-account"],
    header: (r) => ["{", '  "type": "service_account",', `  "project_id": "orders-${str(r, 6, "abcdefghijklmnopqrstuvwxyz")}",`, `  "private_key_id": "${str(r, 40, HEX)}",`],
    footer: ['  "client_email": "orders@orders.iam.gserviceaccount.com"', "}"],
  },
];

export function generateCorpus(seed: number, nFiles = 240): Corpus {
  const rng = makeRng(seed);
  const files = new Map<string, string>();
  const planted: Planted[] = [];
  let decoys = 0;
  // Every kind at least a few times: cycle through kinds for the first files.
  for (let i = 0; i < nFiles; i++) {
    const want = PLANTED_KINDS[i % PLANTED_KINDS.length]!;
    const candidates = FILE_KINDS.filter((f) => f.kinds.includes(want));
    const fk = i < PLANTED_KINDS.length * 6 ? rng.pick(candidates) : rng.pick(FILE_KINDS);
    const name = fk.name(rng, i);
    const lines: string[] = fk.header ? [...fk.header(rng)] : [];
    const filler = FILLER[fk.style]!;
    const secrets = fk.kinds.length === 1 ? 1 : 1 + rng.int(3);
    const blocks: { kind: PlantedKind | null; lines: string[] }[] = [];
    for (let s = 0; s < secrets; s++) {
      const kind = s === 0 && fk.kinds.includes(want) ? want : rng.pick(fk.kinds);
      // gcp keys and netrc entries: one per file; a second secret in a .pem is a second key
      if (s > 0 && (kind === "gcp-service-account" || kind === "netrc-password" || kind === "npm-token")) continue;
      blocks.push({ kind, lines: secretLines(rng, kind, fk.style) });
    }
    const nDecoys = fk.style === "env" && fk.kinds.length === 1 ? rng.int(2) : 2 + rng.int(4);
    for (let d = 0; d < nDecoys; d++) {
      const lines = decoy(rng);
      if (fk.kinds.includes("gcp-service-account")) break;
      blocks.push({ kind: null, lines: fk.style === "go" ? lines.map((l) => `\t// ${l}`) : fk.style === "yaml" ? lines.map((l) => `# ${l}`) : lines });
      decoys++;
    }
    // shuffle blocks, interleave filler
    for (let k = blocks.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [blocks[k], blocks[j]] = [blocks[j]!, blocks[k]!];
    }
    for (const b of blocks) {
      if (!fk.kinds.includes("gcp-service-account") && !fk.kinds.includes("private-key") && fk.style !== "go") for (let f = rng.int(3); f > 0; f--) lines.push(rng.pick(filler));
      const start = lines.length + 1;
      lines.push(...b.lines);
      if (b.kind) planted.push({ file: name, kind: b.kind, startLine: start, endLine: lines.length });
    }
    if (fk.footer) lines.push(...fk.footer);
    files.set(name, lines.join("\n") + "\n");
  }
  return { seed, files, planted, decoys };
}

export interface ToolHit {
  readonly file: string;
  readonly line: number;
}

export interface Score {
  readonly perKind: ReadonlyMap<PlantedKind, { readonly planted: number; readonly found: number }>;
  readonly found: number;
  readonly planted: number;
  /** Distinct (file, line) hits outside every planted secret. */
  readonly falsePositives: readonly ToolHit[];
}

/** Scores a tool's hits against the ground truth. */
export function scoreHits(corpus: Corpus, hits: readonly ToolHit[]): Score {
  const perKind = new Map<PlantedKind, { planted: number; found: number }>();
  for (const k of PLANTED_KINDS) perKind.set(k, { planted: 0, found: 0 });
  let found = 0;
  for (const p of corpus.planted) {
    const s = perKind.get(p.kind)!;
    s.planted++;
    if (hits.some((h) => h.file === p.file && h.line >= p.startLine && h.line <= p.endLine)) {
      s.found++;
      found++;
    }
  }
  const seen = new Set<string>();
  const falsePositives: ToolHit[] = [];
  for (const h of hits) {
    const key = `${h.file}:${h.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!corpus.planted.some((p) => p.file === h.file && h.line >= p.startLine && h.line <= p.endLine)) falsePositives.push(h);
  }
  return { perKind, found, planted: corpus.planted.length, falsePositives };
}
