import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DETECTORS } from "./detectors/index.js";
import { scanText } from "./scan.js";

/** Deterministic pseudo-random characters, so test tokens look generated. */
function chars(n: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", seed = 7): string {
  let s = seed;
  let out = "";
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out += alphabet[(s >>> 16) % alphabet.length];
  }
  return out;
}
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const pemBody = Array.from({ length: 6 }, (_, i) => chars(64, B64, i + 1)).join("\n");
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString("base64url");

interface Case {
  readonly text: string;
  readonly file?: string;
  /** The secret the detector must report (its first 4 characters show in the preview). */
  readonly secret?: string;
}

const CASES: Readonly<Record<string, { readonly hit: readonly Case[]; readonly miss: readonly Case[] }>> = {
  "private-key": {
    hit: [
      { text: `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----\n` },
      { text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody}\n-----END OPENSSH PRIVATE KEY-----` },
      { text: `key: "-----BEGIN EC PRIVATE KEY-----\\n${chars(64, B64)}\\n${chars(40, B64, 3)}\\n-----END EC PRIVATE KEY-----\\n"` },
    ],
    miss: [
      { text: "Paste your key between -----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY-----" },
      { text: "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n" },
      { text: `-----BEGIN CERTIFICATE-----\n${pemBody}\n-----END CERTIFICATE-----\n` },
      { text: `-----BEGIN PUBLIC KEY-----\n${pemBody}\n-----END PUBLIC KEY-----\n` },
    ],
  },
  "aws-access-key-id": {
    hit: [{ text: `aws_access_key_id = AKIA${chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`, secret: "AKIA" }, { text: `"AccessKeyId": "ASIA${chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 9)}"` }],
    miss: [{ text: "aws_access_key_id = AKIAIOSFODNN7EXAMPLE" }, { text: "id: XAKIA" + chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") }, { text: "AKIA0000000000000000 has digits 0 and 1 which base32 lacks" }],
  },
  "aws-secret-key": {
    hit: [{ text: `aws_secret_access_key = ${chars(40, B64, 5)}` }, { text: `AWS_SECRET_ACCESS_KEY: "${chars(40, B64, 11)}"` }],
    miss: [
      { text: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
      { text: `commit ${chars(40, "0123456789abcdef")}` },
      { text: "aws_secret_access_key = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    ],
  },
  "gcp-service-account": {
    hit: [{ text: `{\n  "type": "service_account",\n  "project_id": "p",\n  "private_key_id": "${chars(40, "0123456789abcdef")}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${chars(64, B64)}\\n${chars(64, B64, 2)}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "x@p.iam.gserviceaccount.com"\n}\n` }],
    miss: [{ text: '{"type": "service_account", "private_key": ""}' }, { text: '{"type": "authorized_user", "client_id": "x"}' }],
  },
  "azure-connection-string": {
    hit: [
      { text: `DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=${chars(86, B64)}==;EndpointSuffix=core.windows.net` },
      { text: `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${chars(43, B64, 4)}=` },
    ],
    miss: [
      { text: "UseDevelopmentStorage=true" },
      { text: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" },
      { text: "AccountKey=<your-account-key>" },
    ],
  },
  "github-token": {
    hit: [{ text: `GH_TOKEN=ghp_${chars(36)}`, secret: "ghp_" }, { text: `token: github_pat_${chars(22)}_${chars(59, undefined, 3)}` }, { text: `ghs_${chars(36, undefined, 8)}` }],
    miss: [{ text: "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }, { text: `ghp_${chars(20)}` }, { text: "see https://github.com/settings/tokens for ghp_ tokens" }],
  },
  "gitlab-token": {
    hit: [{ text: `PRIVATE-TOKEN: glpat-${chars(20, undefined, 4)}` }, { text: `runner token glrt-${chars(24, undefined, 6)}` }],
    miss: [{ text: "glpat-xxxxxxxxxxxxxxxxxxxx" }, { text: "glpat-short" }],
  },
  "slack-token": {
    hit: [{ text: `SLACK_BOT_TOKEN=xoxb-${chars(12, "0123456789")}-${chars(13, "0123456789", 2)}-${chars(24, undefined, 5)}` }, { text: `https://hooks.slack.com/services/T${chars(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}/B${chars(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 3)}/${chars(24, undefined, 9)}` }],
    miss: [{ text: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" }, { text: "xoxb-your-token" }],
  },
  "npm-token": {
    hit: [{ text: `//registry.npmjs.example/:_authToken=npm_${chars(36, undefined, 12)}` }, { text: `_auth=${Buffer.from("ci:" + chars(16)).toString("base64")}` }],
    miss: [{ text: "//npm.example/:_authToken=${NPM_TOKEN}" }, { text: "npm_config_cache=/tmp/npm" }],
  },
  "stripe-key": { hit: [{ text: `STRIPE_KEY=sk_live_${chars(24, undefined, 13)}` }], miss: [{ text: `sk_test_${chars(24)}` }] },
  "google-api-key": { hit: [{ text: `key=AIza${chars(35, undefined, 14)}` }], miss: [{ text: "AIzaSyShort" }] },
  jwt: {
    hit: [{ text: `Authorization: Bearer ${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: "1234567890", name: "x", iat: 1516239022 })}.${chars(43, undefined, 15)}` }],
    miss: [{ text: "eyJhbGciOiJIUzI1NiJ9.payload.sig" }, { text: `${b64url({ a: 1, b: "xxxxxxxx" })}.${b64url([1, 2, 3, 4, 5, 6, 7])}.abc` }],
  },
  "url-credentials": {
    hit: [{ text: `ENV GOPROXY=https://ci:${chars(16, undefined, 16)}@goproxy.corp.example,direct` }, { text: `DATABASE_URL=postgres://app:Pa55-${chars(8)}@db:5432/app` }, { text: `git clone https://${chars(40, undefined, 17)}@github.com/o/r.git` }],
    miss: [{ text: "GOPROXY=https://${GOPROXY_USER}:${GOPROXY_PASS}@goproxy.corp.example" }, { text: "ssh://git@github.com/o/r.git" }, { text: "https://user:<password>@host/" }, { text: "https://github.com/o/r" }],
  },
  "netrc-password": {
    hit: [{ text: `machine github.com login ci password ${chars(20, undefined, 18)}\n`, file: "ctx/.netrc" }, { text: `machine goproxy.corp.example\n  login bot\n  password ${chars(12, undefined, 19)}\n` }],
    miss: [{ text: "password $NETRC_PASSWORD\nmachine x" }, { text: "Enter password below to continue\n" }],
  },
  "generic-secret": {
    hit: [{ text: `DB_PASSWORD=${chars(16, B64 + "!#%", 20)}` }, { text: `client_secret: "${chars(32, undefined, 21)}"` }, { text: `  "apiKey": "${chars(24, "0123456789abcdef", 22)}"` }],
    miss: [
      { text: "password=changeme" },
      { text: "DB_PASSWORD=${DB_PASSWORD}" },
      { text: "PASSWORD_FILE=/run/secrets/db_password" },
      { text: "token_url: https://auth.example/token" },
      { text: "secret: my-application-name" },
      { text: 'password := os.Getenv("DB_PASSWORD")' },
    ],
  },
};

describe("secret detectors", () => {
  it("every detector has true and false positive cases", () => {
    for (const d of DETECTORS) {
      const c = CASES[d.id];
      assert.ok(c && c.hit.length > 0 && c.miss.length > 0, `${d.id} lacks cases`);
    }
  });
  for (const d of DETECTORS) {
    const c = CASES[d.id]!;
    describe(d.id, () => {
      c.hit.forEach((h, i) =>
        it(`finds true positive ${i + 1}`, () => {
          const got = d.scan(h.text, { file: h.file ?? "" }).filter((m) => !m.example);
          assert.ok(got.length > 0, `${d.id} missed: ${h.text}`);
          if (h.secret) assert.ok(got[0]!.secret.startsWith(h.secret));
          assert.equal(h.text.slice(got[0]!.index, got[0]!.index + got[0]!.secret.length), got[0]!.secret);
          // The full scan reports it (perhaps under a more specific detector), never with the value.
          const f = scanText(h.text, { file: h.file ?? "" });
          assert.ok(f.length > 0);
          for (const x of f) assert.ok(!h.text.includes(x.preview) || x.preview.replace(/\*+$/, "").length <= 4);
        }),
      );
      c.miss.forEach((m, i) =>
        it(`ignores look-alike ${i + 1}`, () => {
          const got = d.scan(m.text, { file: m.file ?? "" }).filter((x) => !x.example);
          assert.deepEqual(got.map((x) => x.secret.slice(0, 4)), [], `${d.id} false positive on: ${m.text}`);
        }),
      );
    });
  }
});
