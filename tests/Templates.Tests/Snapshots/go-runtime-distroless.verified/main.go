// Command sampleapp is a small HTTP server used to compare a single-stage image with a
// multi-stage one. It uses only the standard library, so the module needs no go.sum.
package main

import (
	"context"
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
	appName = "SampleApp"
	// Text, not a number: `dotnet new --port` can put any integer here, and an out-of-range one
	// must be reported at start (portFromEnv), not break the build.
	defaultPort = "8080"
	defaultHost = "0.0.0.0"
)

func main() {
	log.SetFlags(0)

	// The input contract (CONTRIBUTING.md): arguments first, then PORT, then HOST; each refusal
	// is one line on stderr naming the value and the fix.
	args := os.Args[1:]
	healthcheckMode := len(args) == 1 && args[0] == "--healthcheck"
	if len(args) > 0 && !healthcheckMode {
		log.Printf("error: unknown arguments: %s: run with no arguments to serve, or with --healthcheck to probe a running server", strings.Join(args, " "))
		os.Exit(2)
	}
	port, err := portFromEnv()
	if err != nil {
		log.Print(err)
		os.Exit(1)
	}
	host, err := hostFromEnv()
	if err != nil {
		log.Print(err)
		os.Exit(1)
	}

	if healthcheckMode {
		os.Exit(healthcheck(host, port))
	}
	os.Exit(serve(host, port))
}

// parsePort accepts only what a person means as a port: decimal digits with no sign, spaces or
// leading zero, 1-65535 (strconv.Atoi alone would take "+80", "-1" and "0080").
func parsePort(text string) (int, bool) {
	if len(text) == 0 || len(text) > 5 || text[0] == '0' {
		return 0, false
	}
	for _, c := range text {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	port, _ := strconv.Atoi(text)
	return port, port <= 65535
}

// portFromEnv refuses a bad PORT instead of falling back, so the app never listens somewhere
// other than where the container's EXPOSE and the user's -p expect it.
func portFromEnv() (int, error) {
	raw := os.Getenv("PORT")
	if port, ok := parsePort(raw); ok {
		return port, nil
	}
	// Unset, empty or the image's own ENV PORT: the value came from the template, not the user.
	if raw == "" || raw == defaultPort {
		if port, ok := parsePort(defaultPort); ok {
			return port, nil
		}
		return 0, fmt.Errorf("error: the template's default port %s (dotnet new --port) is not a valid port: set PORT to a whole number from 1 to 65535, or create the project again with --port in that range", defaultPort)
	}
	return 0, fmt.Errorf("error: PORT=\"%s\" is not a valid port: set PORT to a whole number from 1 to 65535 (no sign, no leading zero), or unset it to use %s", raw, defaultPort)
}

// hostFromEnv takes an IP address only, not a host name: a static binary on scratch has no
// resolver configuration, and a name could resolve to an address of the wrong family.
func hostFromEnv() (string, error) {
	host := os.Getenv("HOST")
	if host == "" {
		return defaultHost, nil
	}
	if net.ParseIP(host) == nil {
		return "", fmt.Errorf("error: HOST=\"%s\" is not an IP address: set HOST to the address to listen on, such as 0.0.0.0 (every interface), :: (every IPv6 interface) or 127.0.0.1 (this machine only), or unset it to use %s", host, defaultHost)
	}
	return host, nil
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

	// Let requests in flight finish for 3 s, then drop what is left (an idle keep-alive client, one
	// still sending its request): the app must be gone well before Docker's 10 s stop timeout.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		log.Printf("closed the connections still open after 3 s: %v", err)
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
	case "::":
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
