// Package books holds the shop's stock, shared by the catalog service and the seed tool.
package books

// Book is one title on the shelf.
type Book struct {
	Title  string
	Author string
}

// Shelf returns the books in stock.
func Shelf() []Book {
	return []Book{
		{Title: "The Go Programming Language", Author: "Donovan, Kernighan"},
		{Title: "Concurrency in Go", Author: "Cox-Buday"},
	}
}
