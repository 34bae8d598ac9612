module example.com/bookshop/catalog

go 1.22

require example.com/bookshop/books v0.0.0

// books is developed in this workspace; the replace lets tools outside it (go mod download, go list -m) find it too.
replace example.com/bookshop/books => ../books
