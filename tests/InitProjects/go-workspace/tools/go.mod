module example.com/bookshop/tools

go 1.22
