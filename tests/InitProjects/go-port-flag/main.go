// Quotes serves a quote of the day. Like many small Go servers it takes its port from a
// flag, and it has no SIGTERM handler of its own.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
)

func main() {
	port := flag.Int("p", 1024, "port to listen on")
	flag.Parse()

	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "quote of the day: simplicity is complicated")
	})

	log.Printf("quotes listening on :%d", *port)
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", *port), nil))
}
