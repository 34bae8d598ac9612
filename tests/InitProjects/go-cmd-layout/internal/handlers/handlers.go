// Package handlers holds the HTTP routes.
package handlers

import "net/http"

// New returns the app's routes.
func New() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("inventory: 3 items\n"))
	})
	return mux
}
