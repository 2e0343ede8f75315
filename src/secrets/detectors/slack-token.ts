/**
 * Slack credentials: bot/user/app/refresh/config tokens (`xoxb-`, `xoxp-`,
 * `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-`, `xapp-`) with their numeric team and
 * user parts and a random tail, and incoming-webhook URLs
 * (`hooks.slack.com/services/T.../B.../<24 characters>`; the secret is the
 * path after `services/`).
 */
import { type Detector, matchAll } from "../detector.js";

const TOKEN = /(?<![A-Za-z0-9-])((?:xox[baprse]|xapp)-(?:[0-9]+-)+[A-Za-z0-9-]{8,}|xox[baprse]-[A-Za-z0-9]{10,}-[A-Za-z0-9-]{8,})(?![A-Za-z0-9-])/dg;
const WEBHOOK = /hooks\.slack\.com\/(?:services|workflows)\/(T[A-Z0-9]{6,}\/[AB][A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/dg;

export const slackToken: Detector = {
  id: "slack-token",
  title: "a Slack token",
  hint: /xox[baprse]-|xapp-|hooks\.slack\.com/,
  scan: (text) => matchAll(text, TOKEN, 1, (s) => !/x{6,}|X{6,}/.test(s)).concat(matchAll(text, WEBHOOK, 1, (s) => !/X{10,}/.test(s))),
};
