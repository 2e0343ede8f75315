module example.com/goship/cgo

go 1.26
