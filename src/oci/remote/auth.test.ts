import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseChallenge } from "./challenge.js";
import { credentialFrom } from "./docker-config.js";

describe("registry auth inputs", () => {
  it("parses bearer and basic challenges", () => {
    assert.deepEqual(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"'), {
      scheme: "bearer",
      params: { realm: "https://auth.example/token", service: "registry.example", scope: "repository:a/b:pull,push" },
    });
    assert.deepEqual(parseChallenge('Basic realm="r"'), { scheme: "basic", params: { realm: "r" } });
    assert.equal(parseChallenge(null), null);
  });

  it("reads docker config auths, Docker Hub's legacy key, and credential helpers", () => {
    const cfg = {
      auths: {
        "registry.example": { auth: Buffer.from("alice:s3:cret").toString("base64") },
        "https://index.docker.io/v1/": { username: "bob", password: "pw" },
      },
      credHelpers: { "helped.example": "fake" },
    };
    assert.deepEqual(credentialFrom(cfg, "registry.example"), { username: "alice", password: "s3:cret" });
    assert.deepEqual(credentialFrom(cfg, "docker.io"), { username: "bob", password: "pw" });
    const asked: string[] = [];
    const helper = (h: string, host: string) => (asked.push(`${h} ${host}`), JSON.stringify({ Username: "carol", Secret: "tok" }));
    assert.deepEqual(credentialFrom(cfg, "helped.example", helper), { username: "carol", password: "tok" });
    assert.deepEqual(asked, ["fake helped.example"]);
    assert.equal(credentialFrom(cfg, "other.example", helper), null);
    assert.deepEqual(credentialFrom({ credsStore: "store" }, "x.example", () => JSON.stringify({ Username: "<token>", Secret: "rt" })), { username: "", password: "", identityToken: "rt" });
  });
});
