import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD101", {
  catches: ['go: github.com/google/uuid@v1.6.0: Get "http://goproxy.corp.invalid/github.com/google/uuid/@v/v1.6.0.mod": dial tcp: lookup goproxy.corp.invalid on 10.0.0.53:53: no such host',
    "fatal: unable to access 'https://git.corp.example/x.git/': Could not resolve host: git.corp.example",
    'go: example.com/m@v1.0.0: Get "https://p.example/example.com/m/@v/v1.0.0.info": dial tcp: lookup p.example: Temporary failure in name resolution'],
  passes: ["go: downloading github.com/google/uuid v1.6.0", "host resolution ok: no such hostname printed by tests", "Looking up no such host in a test name"],
  fix: [/GOPROXY/, /--network host|--add-host/], cause: [/goproxy\.corp\.invalid/, /module proxy/],
});
