// Weather answers with today's temperature; its one dependency is vendored in vendor/.
package main

import (
	"cmp"
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/units"
)

func main() {
	addr := ":" + cmp.Or(os.Getenv("PORT"), "8094")

	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, "weather: 21.0 C (%.1f F)\n", units.Fahrenheit(21))
	})
	server := &http.Server{Addr: addr}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-stop
		_ = server.Shutdown(context.Background())
	}()

	log.Printf("weather on %s", addr)
	if err := server.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
