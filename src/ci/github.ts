/**
 * `goship ci github`: a hardened GitHub Actions workflow for the Go modules
 * of a repository, as text (pure: a CiPlan in, YAML out). Per module, an
 * audit job (secret scan, `goship audit` → SARIF → code scanning) and, for
 * modules with main packages and no cgo, a build job (`goship build`: image
 * with SBOM and provenance pushed to ghcr.io) that runs on pushes only.
 *
 * Hardening: top-level `permissions: contents: read`, each job asks only
 * for what it uses (security-events: write to upload SARIF; packages: write
 * and id-token: write only in the build job); every action pinned by commit
 * SHA with its tag as a comment; checkout without persisted credentials;
 * goship itself pinned by version; workflow expressions never expanded into
 * shell scripts (values go through env:); a concurrency group and a
 * timeout on every job; Go module/build cache and the npm cache.
 */
import { jobId, type CiModule, type CiPlan } from "./model.js";
import { PINS, usesRef } from "./pins.js";
import { toYaml } from "./render-yaml.js";

export const GITHUB_WORKFLOW_PATH = ".github/workflows/goship.yml";

type Step = Record<string, unknown>;

function checkout(): Step {
  return { name: "Check out", uses: usesRef(PINS.checkout), with: { "persist-credentials": false } };
}

function setupNode(plan: CiPlan): Step[] {
  return [
    { name: "Set up Node.js", uses: usesRef(PINS.setupNode), with: { "node-version": plan.nodeVersion } },
    {
      name: "Cache npm",
      uses: usesRef(PINS.cache),
      with: { path: "~/.npm", key: "goship-npm-${{ runner.os }}-${{ env.GOSHIP_VERSION }}" },
    },
  ];
}

function setupGo(m: CiModule): Step {
  const w: Record<string, unknown> = { "go-version": m.goVersion, cache: m.hasGoSum };
  if (m.hasGoSum) w["cache-dependency-path"] = m.dir === "." ? "go.sum" : `${m.dir}/go.sum`;
  return { name: "Set up Go", uses: usesRef(PINS.setupGo), with: w };
}

const GOSHIP = 'npx --yes "goship@${GOSHIP_VERSION}"';

function sh(s: string): string {
  return /^[A-Za-z0-9_./:@=,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function auditJob(plan: CiPlan, m: CiModule): Record<string, unknown> {
  const slug = jobId("goship", m);
  const dir = sh(m.dir);
  return {
    name: `audit (${m.dir === "." ? m.modulePath : m.dir})`,
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 15,
    permissions: { contents: "read", "security-events": "write" },
    steps: [
      checkout(),
      ...setupNode(plan),
      setupGo(m),
      {
        name: "Scan for secrets",
        run: `${GOSHIP} secrets --format sarif -o goship-secrets.sarif ${dir}`,
      },
      {
        name: "goship audit",
        id: "audit",
        // Runs even when the secret scan failed the job, so both reports reach code scanning.
        if: "${{ !cancelled() }}",
        run: `${GOSHIP} audit ${dir} --sarif goship-audit.sarif`,
      },
      {
        name: "Upload secret scan to code scanning",
        if: "${{ !cancelled() && hashFiles('goship-secrets.sarif') != '' }}",
        uses: usesRef(PINS.uploadSarif),
        with: { sarif_file: "goship-secrets.sarif", category: `${slug}-secrets` },
      },
      {
        name: "Upload audit to code scanning",
        if: "${{ !cancelled() && hashFiles('goship-audit.sarif') != '' }}",
        uses: usesRef(PINS.uploadSarif),
        with: { sarif_file: "goship-audit.sarif", category: `${slug}-audit` },
      },
    ],
  };
}

function buildJob(plan: CiPlan, m: CiModule, needs: string): Record<string, unknown> {
  const pkgs = m.mains.map((p) => sh(p.pkg)).join(" ");
  return {
    name: `build (${m.dir === "." ? m.modulePath : m.dir})`,
    needs,
    if: "github.event_name == 'push'",
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 30,
    permissions: { contents: "read", packages: "write", "id-token": "write" },
    steps: [
      checkout(),
      ...setupNode(plan),
      setupGo(m),
      {
        name: "Log in to ghcr.io",
        env: { REGISTRY_TOKEN: "${{ secrets.GITHUB_TOKEN }}" },
        run: [
          'printf \'%s\' "$REGISTRY_TOKEN" | docker login ghcr.io -u "$GITHUB_ACTOR" --password-stdin',
          // ghcr.io wants lower-case repository names.
          'echo "GOSHIP_REPO=ghcr.io/${GITHUB_REPOSITORY,,}" >> "$GITHUB_ENV"',
        ].join("\n"),
      },
      {
        name: "goship build (image, SBOM, provenance)",
        run: `${GOSHIP} build --dir ${sh(m.dir)} --platform ${plan.platforms.join(",")} --tag "$GITHUB_SHA" ${pkgs}`,
      },
    ],
  };
}

/** The workflow's jobs, in order: per module, audit then build. */
export function githubJobs(plan: CiPlan): Record<string, Record<string, unknown>> {
  const jobs: Record<string, Record<string, unknown>> = {};
  for (const m of plan.modules) {
    const a = jobId("audit", m);
    jobs[a] = auditJob(plan, m);
    if (m.mains.length > 0 && !m.usesCgo) jobs[jobId("build", m)] = buildJob(plan, m, a);
  }
  return jobs;
}

export function renderGithubWorkflow(plan: CiPlan): string {
  const workflow = {
    name: "goship",
    on: {
      push: { branches: ["main"], tags: ["v*"] },
      pull_request: {},
      workflow_dispatch: {},
    },
    permissions: { contents: "read" },
    concurrency: {
      group: "${{ github.workflow }}-${{ github.ref }}",
      "cancel-in-progress": "${{ github.event_name == 'pull_request' }}",
    },
    env: { GOSHIP_VERSION: plan.goshipVersion },
    jobs: githubJobs(plan),
  };
  const skipped = plan.modules.filter((m) => m.usesCgo && m.mains.length > 0).map((m) => m.dir);
  return toYaml(workflow, [
    `Generated by goship ci github (goship ${plan.goshipVersion}); regenerate with \`goship ci github --force\`,`,
    "`goship ci github --check` fails when this file drifted.",
    "Actions are pinned by commit SHA (the tag is in the comment); goship by version.",
    ...(skipped.length > 0 ? [`No build job for ${skipped.join(", ")}: cgo (goship build makes pure-Go images; use goship init --profile debian-slim).`] : []),
  ]);
}
