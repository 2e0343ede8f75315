module example.com/goship/private

go 1.26

require corp.example/platform/auth v1.0.0
