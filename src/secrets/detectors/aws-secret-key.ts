/**
 * AWS secret access keys: 40 characters of base64 (A–Z a–z 0–9 / +) with
 * Shannon entropy >= 4.0 bits/char (random keys score 4.6–5.1), assigned to
 * a name that says AWS secret (`aws_secret_access_key = ...`,
 * `AWS_SECRET_ACCESS_KEY: ...`, `"SecretAccessKey": "..."`,
 * `secretAccessKey: ...`). A bare 40-character string without such a name is
 * left out: too many hashes look the same. The documented example
 * (wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY) is marked as an example.
 */
import { type Detector, matchAll } from "../detector.js";
import { shannonEntropy } from "../entropy.js";

const RE = /(?:aws_?secret(?:_?access)?_?key|secret_?access_?key|aws_?secret)["']?\s*(?:[:=]|=>|:=)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi;

export const ENTROPY_AWS_SECRET = 4.0;

export const awsSecretKey: Detector = {
  id: "aws-secret-key",
  title: "an AWS secret access key",
  hint: /secret_?access_?key|aws_?secret/i,
  scan: (text) =>
    matchAll(text, RE, 1, (s) => {
      if (/EXAMPLE/.test(s)) return "example";
      return shannonEntropy(s) >= ENTROPY_AWS_SECRET;
    }),
};
