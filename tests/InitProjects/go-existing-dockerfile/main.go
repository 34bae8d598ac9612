// A project that already has a single-stage Dockerfile of its own: init must show what it would change.
package main

import (
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("clock: it is time\n")) })
	_ = http.ListenAndServe(":"+os.Getenv("PORT"), nil)
}
