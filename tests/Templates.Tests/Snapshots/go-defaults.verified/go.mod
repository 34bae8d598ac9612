module sampleapp

// The lowest version the code needs: method and {$} patterns in http.ServeMux arrived in Go 1.22.
go 1.22
