module github.com/example/weather

go 1.22

require example.com/units v1.2.0
