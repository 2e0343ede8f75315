/**
 * Google Cloud service-account keys: a JSON document with
 * `"type": "service_account"` and a `"private_key": "-----BEGIN PRIVATE
 * KEY-----\n..."` string. The secret is the private key string (the
 * private-key detector would find it too; the scanner keeps this, more
 * specific, finding). Google API keys are google-api-key.ts.
 */
import { type Detector, matchAll } from "../detector.js";

const SA_KEY = /"private_key"\s*:\s*"(-----BEGIN PRIVATE KEY-----(?:\\n|[A-Za-z0-9+/=])+-----END PRIVATE KEY-----(?:\\n)?)"/dg;

export const gcpServiceAccount: Detector = {
  id: "gcp-service-account",
  title: "a GCP service-account key",
  hint: /service_account/,
  scan: (text) => (/"type"\s*:\s*"service_account"/.test(text) ? matchAll(text, SA_KEY, 1, (s) => s.replace(/\\n|-----[A-Z ]+-----/g, "").length >= 64) : []),
};
