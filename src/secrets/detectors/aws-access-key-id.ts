/**
 * AWS access key IDs: a 4-letter prefix that names the key type (AKIA
 * long-term, ASIA temporary, and the other IAM unique-ID prefixes) and 16
 * base32 characters (A–Z, 2–7), not inside a longer word. AWS's documented
 * example (AKIAIOSFODNN7EXAMPLE) and IDs ending in EXAMPLE are marked as
 * examples.
 */
import { type Detector, matchAll } from "../detector.js";

const RE = /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16})(?![A-Za-z0-9])/dg;

export const awsAccessKeyId: Detector = {
  id: "aws-access-key-id",
  title: "an AWS access key ID",
  hint: /A[KSBCGIRNP][IPCGDORNVK]A[A-Z2-7]{16}/,
  scan: (text) => matchAll(text, RE, 1, (s) => (s.endsWith("EXAMPLE") ? "example" : true)),
};
