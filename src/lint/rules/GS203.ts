/**
 * GS203: credentials for private Go modules passed through the image:
 * ARG/ENV like GITHUB_TOKEN or NETRC, a GOPROXY URL with user:password,
 * COPY of .netrc/.gitconfig/.git-credentials, `git config url."https://
 * <token>@host/".insteadOf`, or a RUN writing ~/.netrc. Build args and ENV
 * are kept in the image config and `docker history`; files written in a
 * RUN stay in that layer. Values are never printed (redacted).
 */
import { defineRule } from "../rule.js";
import { redact } from "../../secrets/redact.js";
import { variableSettings } from "../facts/go-env.js";
import { redirectsAfter, runScripts } from "../facts/go-run-scripts.js";

const TOKEN_NAME = /^(?:[A-Z0-9]+_)*(?:GIT|GITHUB|GITLAB|GITEA|GOGS|GH|GL|BITBUCKET|BB|GERRIT)(?:_[A-Z0-9]+)*_(?:TOKEN|PAT|PASSWORD|PASSWD|PASS|CREDENTIALS?|AUTH|SECRET|KEY)$|^(?:GH|GL|CI_JOB|BITBUCKET|GOPRIVATE)_TOKEN$|^(?:GO)?NETRC$|^NETRC_\w+$|^GIT_ASKPASS$/i;
const CRED_FILES = /(^|\/)(\.netrc|_netrc|\.gitconfig|\.git-credentials)$/;
const USERINFO_URL = /\w+:\/\/[^/@\s"']+@/;
const SECRET_MOUNT = "RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download";

export default defineRule(
  {
    id: "GS203",
    title: "private module credentials baked into the image",
    severity: "error",
    category: "supply-chain",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const s of variableSettings(model)) {
      if ((s.origin === "ARG" || s.origin === "ENV") && TOKEN_NAME.test(s.name)) {
        report({
          message: `${s.origin} ${s.name} passes a git credential through the image (kept in its config and \`docker history\`): mount it as a secret instead, e.g. \`${SECRET_MOUNT}\``,
          range: s.range,
        });
      } else if (s.name === "GOPROXY" && s.value !== null && /\w+:\/\/[^/@\s:]+:[^/@\s]+@/.test(s.value)) {
        report({
          message: `GOPROXY=${redact(s.value)} carries a user:password in ${s.origin === "RUN" ? "the RUN command" : `an ${s.origin}`}: keep the credentials in a secret-mounted .netrc (\`${SECRET_MOUNT}\`)`,
          range: s.range,
        });
      }
    }
    for (const stage of model.stages) {
      for (const ins of stage.stage.commands) {
        if ((ins.kind === "COPY" && ins.from === "") || ins.kind === "ADD") {
          const src = ins.sources.find((x) => CRED_FILES.test(x.replace(/\/+$/, "")));
          if (src) {
            report({
              message: `${ins.kind} ${src} puts git/module credentials into an image layer: use \`${SECRET_MOUNT}\` instead`,
              range: ins.range,
            });
          }
        }
        if (ins.kind !== "RUN") continue;
        for (const sr of runScripts(model, ins)) {
          for (const call of sr.calls) {
            const w = call.args.map((a) => a.literal ?? a.raw);
            if (w[0] !== "git" || !w.includes("config")) continue;
            const key = call.args.find((a) => /^["']?url\..*\.insteadof["']?$/i.test(a.raw) && USERINFO_URL.test(a.raw));
            if (key) {
              report({
                message: `\`git config url."${redact(key.raw.replace(/^["']?url\./i, "").replace(/\.insteadof["']?$/i, "").replace(/^["']|["']$/g, ""))}".insteadOf\` writes a credential into ~/.gitconfig in this layer: use a secret-mounted .netrc (\`${SECRET_MOUNT}\`)`,
                range: sr.range(key.start, key.end),
              });
            }
          }
          for (const call of sr.calls) {
            const redir = redirectsAfter(sr.source, call).find((r) => /^\d*>>?["']?\S*(\.netrc|\.git-credentials)["']?$/.test(r));
            const tee = call.args[0]?.literal === "tee" && call.args.some((a) => /(\.netrc|\.git-credentials)["']?$/.test(a.literal ?? a.raw));
            if (redir || tee) {
              const file = /git-credentials/.test(redir ?? call.args.map((a) => a.raw).join(" ")) ? "~/.git-credentials" : "~/.netrc";
              report({
                message: `this RUN writes credentials to ${file}, which stays in the image layer: mount the file as a secret instead (\`${SECRET_MOUNT}\`)`,
                range: sr.range(call.start, call.end),
              });
            }
          }
        }
      }
    }
  },
);
