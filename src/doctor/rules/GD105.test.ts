import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD105", {
  catches: ['go: example.com/m@v1.0.0: reading https://p.example/example.com/m/@v/v1.0.0.zip: 407 Proxy Authentication Required',
    'go: example.com/m@v1.0.0: Get "https://p.example/x": proxyconnect tcp: dial tcp 10.0.0.5:3128: connect: connection refused',
    'go: github.com/google/uuid@v1.6.0: reading http://127.0.0.1:4000/github.com/google/uuid/@v/v1.6.0.mod: 500 Internal Server Error'],
  passes: ["HTTP/1.1 500 Internal Server Error was expected by TestServer", "go: downloading example.com/m v1.0.0"],
  fix: [/secret/],
});
