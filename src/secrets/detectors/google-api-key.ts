/**
 * Google API keys: `AIza` followed by 35 characters of [0-9A-Za-z_-], not
 * inside a longer token.
 */
import { type Detector, matchAll } from "../detector.js";

const RE = /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/dg;

export const googleApiKey: Detector = {
  id: "google-api-key",
  title: "a Google API key",
  hint: /AIza/,
  scan: (text) => matchAll(text, RE, 1),
};
