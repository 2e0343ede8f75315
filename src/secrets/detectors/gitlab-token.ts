/**
 * GitLab tokens by their prefixes: personal/project/group access tokens
 * (`glpat-`), deploy (`gldt-`), runner (`glrt-`), pipeline trigger
 * (`glptt-`), CI job (`glcbt-`), OAuth app secret (`gloas-`), incoming mail
 * (`glimt-`), feed (`glft-`), agent (`glagent-`), SCIM (`glsoat-`), each
 * followed by 20+ characters of [A-Za-z0-9_-].
 */
import { type Detector, matchAll } from "../detector.js";

const RE = /(?<![A-Za-z0-9_-])((?:glpat|gldt|glrt|glptt|glcbt|gloas|glimt|glft|glagent|glsoat)-[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/dg;

export const gitlabToken: Detector = {
  id: "gitlab-token",
  title: "a GitLab token",
  hint: /gl(?:pat|dt|rt|ptt|cbt|oas|imt|ft|agent|soat)-/,
  scan: (text) => matchAll(text, RE, 1, (s) => !/-(x+|X+|0+)$/.test(s)),
};
