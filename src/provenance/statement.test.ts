/** The provenance statement: in-toto v1 shape, SLSA v1 predicate fields, stable bytes. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sha256 } from "../oci/digest.js";
import { encodeStatement, IN_TOTO_STATEMENT_V1, makeProvenance, parseStatement, SLSA_PROVENANCE_V1, type ProvenanceInput } from "./statement.js";

const d = (s: string): string => sha256(s).text;
const input: ProvenanceInput = {
  image: { name: "127.0.0.1:5000/goship/greeter", digest: d("index") },
  platforms: [{ platform: "linux/amd64", digest: d("amd") }, { platform: "linux/arm64/v8", digest: d("arm") }],
  module: { path: "example.com/goship/greeter" },
  packages: ["example.com/goship/greeter"],
  goSumSha256: sha256("go.sum").hex,
  base: { ref: "127.0.0.1:5000/distroless/static:nonroot", digest: d("base") },
  source: { uri: "https://git.example/greeter.git", revision: "0123456789abcdef0123456789abcdef01234567" },
  go: { command: ["go", "build", "-trimpath", "-ldflags=-s -w", "."], version: "go1.26.8", env: { CGO_ENABLED: "0" } },
  builder: { version: "0.1.0" },
};

describe("makeProvenance", () => {
  it("is an in-toto Statement v1 with a SLSA v1 predicate naming every input", () => {
    const st = makeProvenance(input);
    assert.equal(st._type, IN_TOTO_STATEMENT_V1);
    assert.equal(st.predicateType, SLSA_PROVENANCE_V1);
    assert.deepEqual(st.subject.map((s) => s.digest["sha256"]), [sha256("index").hex, sha256("amd").hex, sha256("arm").hex]);
    const deps = st.predicate.buildDefinition.resolvedDependencies;
    assert.deepEqual(deps.find((x) => x.name === "go.sum")?.digest, { sha256: sha256("go.sum").hex });
    assert.deepEqual(deps.find((x) => x.uri === "oci://127.0.0.1:5000/distroless/static")?.digest, { sha256: sha256("base").hex });
    assert.deepEqual(deps.find((x) => x.digest?.["gitCommit"])?.uri, "git+https://git.example/greeter.git@0123456789abcdef0123456789abcdef01234567");
    assert.ok(deps.some((x) => x.uri === "pkg:golang/example.com/goship/greeter"));
    assert.ok(deps.some((x) => x.uri === "pkg:golang/toolchain@go1.26.8"));
    assert.deepEqual(st.predicate.buildDefinition.internalParameters?.["goCommand"], input.go.command);
    assert.equal(st.predicate.runDetails.builder.id, "pkg:npm/goship");
    assert.equal(st.predicate.runDetails.metadata, undefined, "no timestamps unless given");
  });

  it("gives the same bytes for the same input and parses back", () => {
    const a = encodeStatement(makeProvenance(input));
    assert.deepEqual(a, encodeStatement(makeProvenance({ ...input })));
    assert.equal(parseStatement(a).subject[0]?.name, input.image.name);
    assert.throws(() => parseStatement(Buffer.from('{"_type":"x"}')), /not an in-toto Statement v1/);
    assert.throws(() => makeProvenance({ ...input, base: { ref: "b", digest: "sha256:zz" } }), /not a sha256 digest/);
  });
});
