module github.com/example/ledger-sync

go 1.23
