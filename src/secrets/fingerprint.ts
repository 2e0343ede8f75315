/**
 * The fingerprint of a secret: the first 12 hex digits of its SHA-256, so a
 * finding can be recognised (and allow-listed) across runs without the value
 * ever being printed. 48 bits cannot be reversed into a high-entropy value.
 */
import { createHash } from "node:crypto";

export function fingerprint(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 12);
}
