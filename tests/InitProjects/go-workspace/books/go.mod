module example.com/bookshop/books

go 1.22
