/**
 * GitHub tokens by their published formats: `ghp_` (classic personal),
 * `gho_` (OAuth), `ghu_` (user-to-server), `ghs_` (server-to-server),
 * `ghr_` (refresh), each with 36 base62 characters, and fine-grained
 * personal tokens `github_pat_` + 22 + `_` + 59 characters.
 */
import { type Detector, matchAll } from "../detector.js";

const RE = /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/dg;

export const githubToken: Detector = {
  id: "github-token",
  title: "a GitHub token",
  hint: /gh[pousr]_|github_pat_/,
  scan: (text) => matchAll(text, RE, 1, (s) => !/^gh[pousr]_(x+|X+|0+)$/.test(s)),
};
