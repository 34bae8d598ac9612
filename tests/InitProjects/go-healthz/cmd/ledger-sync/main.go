// Command ledger-sync runs the ledger synchroniser; it serves only a health endpoint.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/example/ledger-sync/internal/server"
)

func main() {
	port := os.Getenv("APP_PORT")
	if port == "" {
		port = "8093"
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := server.Run(ctx, ":"+port); err != nil {
		log.Fatal(err)
	}
}
