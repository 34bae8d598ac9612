// Command sampleapp is a small HTTP server used to compare a single-stage image with a
// multi-stage one. It uses only the standard library, so the module needs no go.sum.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	appName     = "SampleApp"
	defaultPort = 8080
	defaultHost = "0.0.0.0"
)

func main() {
	log.SetFlags(0)

	port, err := portFromEnv()
	if err != nil {
		log.Print(err)
		os.Exit(1)
	}
	host := os.Getenv("HOST")
	if host == "" {
		host = defaultHost
	}

	switch {
	case len(os.Args) == 1:
		os.Exit(serve(host, port))
	case len(os.Args) == 2 && os.Args[1] == "--healthcheck":
		os.Exit(healthcheck(host, port))
	default:
		log.Printf("unknown arguments %q: run with no arguments to serve, or with --healthcheck to probe a running server", os.Args[1:])
		os.Exit(2)
	}
}

// portFromEnv refuses a bad PORT instead of falling back, so the app never listens somewhere
// other than where the container's EXPOSE and the user's -p expect it.
func portFromEnv() (int, error) {
	raw, set := os.LookupEnv("PORT")
	if !set || raw == "" {
		return defaultPort, nil
	}
	port, err := strconv.Atoi(raw)
	if err != nil || port < 1 || port > 65535 {
		return 0, fmt.Errorf("PORT=%q is not a valid port: set PORT to an integer from 1 to 65535, or unset it to use %d", raw, defaultPort)
	}
	return port, nil
}

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	// "{$}" matches "/" only, so unknown paths get 404 instead of the greeting.
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Hello from %s, a Go app!", appName)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok")
	})
	return mux
}

// serve runs until SIGTERM or Ctrl+C. As PID 1 in a container a process gets no default signal
// handling, so without this `docker stop` would wait 10 s and then kill it (exit code 137).
func serve(host string, port int) int {
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	srv := &http.Server{Addr: addr, Handler: newMux(), ReadHeaderTimeout: 5 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	failed := make(chan error, 1)
	go func() { failed <- srv.ListenAndServe() }()
	log.Printf("%s listening on http://%s", appName, addr)

	select {
	case err := <-failed:
		log.Printf("cannot serve on %s: %v", addr, err)
		return 1
	case <-ctx.Done():
	}

	// Let requests in flight finish, but never outlast Docker's 10 s stop timeout.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Printf("shutdown: %v", err)
		return 1
	}
	log.Print("stopped")
	return 0
}

// healthcheck lets the image's HEALTHCHECK probe the server with this same binary: the scratch
// and distroless images have no shell and no curl.
func healthcheck(host string, port int) int {
	switch host {
	case "0.0.0.0":
		host = "127.0.0.1"
	case "::", "[::]":
		host = "::1"
	}
	url := "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/healthz"

	client := http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		log.Printf("unhealthy: %v", err)
		return 1
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err != nil || resp.StatusCode != http.StatusOK || strings.TrimSpace(string(body)) != "ok" {
		log.Printf("unhealthy: GET %s answered %d %q", url, resp.StatusCode, body)
		return 1
	}
	return 0
}
