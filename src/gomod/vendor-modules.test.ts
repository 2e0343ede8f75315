import assert from "node:assert/strict";
import { test } from "node:test";
import { parseVendorModules } from "./vendor-modules.js";

const TXT = `# a.example/x v1.2.3
## explicit; go 1.21
a.example/x
a.example/x/sub
# b.example/y v0.1.0 => ../y
## explicit
b.example/y
# c.example/z v1.0.0 => d.example/z v1.1.0
c.example/z/pkg
# e.example/w => ./w
# f.example/v latest
f.example/v
# g.example/u v1.0.0 => h.example/u notaversion
not an/import path
## go 1.22; future-thing
`;

test("modules, annotations, replacements and packages as readVendorList reads them", () => {
  const v = parseVendorModules(TXT);
  assert.deepEqual(
    v.modules.map((m) => [m.path, m.version, m.explicit, m.goVersion, m.replacement, m.packages.map((p) => p.path)]),
    [
      ["a.example/x", "v1.2.3", true, "1.21", null, ["a.example/x", "a.example/x/sub"]],
      ["b.example/y", "v0.1.0", true, "", { path: "../y", version: "" }, ["b.example/y"]],
      ["c.example/z", "v1.0.0", false, "", { path: "d.example/z", version: "v1.1.0" }, ["c.example/z/pkg"]],
      ["e.example/w", "", false, "", { path: "./w", version: "" }, []],
      ["g.example/u", "v1.0.0", false, "1.22", null, []],
    ],
  );
  assert.deepEqual(v.problems.map((p) => p.line), [11, 12, 13, 14]);
  assert.equal(v.modules[0]?.line, 1);
});

test("lines before any module are ignored and reported", () => {
  const v = parseVendorModules("stray/pkg\n# \n# a.example/x v1.0.0\na.example/x\n");
  assert.deepEqual(v.problems.map((p) => p.line), [1, 2]);
  assert.equal(v.modules.length, 1);
});
