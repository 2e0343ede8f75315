module corp.example/platform/auth

go 1.22
