// Package server holds ledger-sync's HTTP side: a health endpoint, nothing at /.
package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
)

// Run serves until ctx is done, then shuts the server down.
func Run(ctx context.Context, addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ledger-sync ok")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "ledger-sync has no pages; see /healthz", http.StatusServiceUnavailable)
	})

	server := &http.Server{Addr: addr, Handler: mux}
	go func() {
		<-ctx.Done()
		_ = server.Shutdown(context.Background())
	}()
	log.Printf("ledger-sync health on %s/healthz", addr)
	if err := server.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
