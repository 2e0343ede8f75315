/**
 * Stripe live secret and restricted keys: `sk_live_` / `rk_live_` and 24+
 * base62 characters. Test-mode keys (`sk_test_`) are left out: they move no
 * money and are published in docs and fixtures.
 */
import { type Detector, matchAll } from "../detector.js";

const RE = /(?<![A-Za-z0-9_])([rs]k_live_[A-Za-z0-9]{24,})(?![A-Za-z0-9])/dg;

export const stripeKey: Detector = {
  id: "stripe-key",
  title: "a Stripe secret key",
  hint: /k_live_/,
  scan: (text) => matchAll(text, RE, 1),
};
