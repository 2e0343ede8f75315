/**
 * Every diagnosis of `goship doctor`, in the order they are tried on a line:
 * the more specific first (a private-module sumdb lookup is GD108 before it is
 * a DNS failure; a checksum mismatch is GD109 before anything else; a network
 * error while pulling a base image is GD115).
 * `SUPPRESS` says which later diagnoses a hit hides on the same line.
 */
import type { Diagnosis } from "../types.js";
import { GD101 } from "./GD101.js";
import { GD102 } from "./GD102.js";
import { GD103 } from "./GD103.js";
import { GD104 } from "./GD104.js";
import { GD105 } from "./GD105.js";
import { GD106 } from "./GD106.js";
import { GD107 } from "./GD107.js";
import { GD108 } from "./GD108.js";
import { GD109 } from "./GD109.js";
import { GD110 } from "./GD110.js";
import { GD111 } from "./GD111.js";
import { GD112 } from "./GD112.js";
import { GD113 } from "./GD113.js";
import { GD114 } from "./GD114.js";
import { GD115 } from "./GD115.js";
import { GD116 } from "./GD116.js";
import { GD117 } from "./GD117.js";
import { GD118 } from "./GD118.js";
import { GD119 } from "./GD119.js";
import { GD201 } from "./GD201.js";
import { GD202 } from "./GD202.js";
import { GD301 } from "./GD301.js";
import { GD302 } from "./GD302.js";

/** Line diagnoses in trial order. */
export const LINE_DIAGNOSES: readonly Diagnosis[] = [GD109, GD108, GD115, GD104, GD105, GD101, GD102, GD103, GD106, GD110, GD111, GD118, GD112, GD113, GD116, GD117, GD119, GD107, GD114];

/** Whole-build diagnoses, run at the end in this order. */
export const FINAL_DIAGNOSES: readonly Diagnosis[] = [GD201, GD202, GD301, GD302];

export const DIAGNOSES: readonly Diagnosis[] = [...LINE_DIAGNOSES, ...FINAL_DIAGNOSES].sort((a, b) => (a.id < b.id ? -1 : 1));

/** On one line, a hit of the key hides hits of these IDs. */
export const SUPPRESS: Readonly<Record<string, readonly string[]>> = {
  GD109: ["GD107", "GD108", "GD114"],
  GD108: ["GD114", "GD101", "GD102", "GD103", "GD105", "GD107"],
  GD104: ["GD114", "GD102", "GD103"],
  GD105: ["GD114", "GD101", "GD102", "GD103", "GD107"],
  GD101: ["GD114", "GD102", "GD103", "GD107", "GD115", "GD119"],
  GD102: ["GD114", "GD103", "GD107", "GD115", "GD119"],
  GD103: ["GD114", "GD107", "GD115", "GD119"],
  GD106: ["GD107", "GD114"],
  GD107: ["GD114"],
  GD110: ["GD107", "GD114"],
  GD111: ["GD107", "GD114"],
  GD118: ["GD107", "GD114"],
  GD112: ["GD114"],
  GD113: ["GD114"],
  GD117: ["GD114"],
  // A network failure while pulling a base image is reported as the pull failure.
  GD115: ["GD101", "GD102", "GD103", "GD104", "GD105", "GD107"],
};

export function diagnosisById(id: string): Diagnosis | undefined {
  return DIAGNOSES.find((d) => d.id === id.toUpperCase());
}
