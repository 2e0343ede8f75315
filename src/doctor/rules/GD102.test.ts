import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD102", {
  catches: ['go: example.com/m@v1.0.0: Get "https://p.example/example.com/m/@v/v1.0.0.mod": dial tcp 10.1.2.3:443: i/o timeout',
    'go: example.com/m@v1.0.0: Get "https://p.example/x": net/http: TLS handshake timeout',
    "fatal: unable to access 'https://git.corp.example/x.git/': Failed to connect to git.corp.example port 443: Connection timed out"],
  passes: ["--- PASS: TestTimeoutHandling (0.01s)", "level=info msg=\"i/o timeout budget is 5s\""],
  fix: [/GOPROXY/], cause: [/timed out/],
});
