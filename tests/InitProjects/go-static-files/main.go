// A brochure site written the way tutorials write one: its page template and stylesheet are files
// beside the code, opened by relative path when it runs (not embedded with //go:embed), so its image
// must carry them next to the binary.
package main

import (
	"html/template"
	"log"
	"net/http"
	"os"
)

func main() {
	// Parsed at start: without templates/ the program stops here.
	page := template.Must(template.ParseGlob("templates/*.html"))
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		if err := page.ExecuteTemplate(w, "index.html", "brochure"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})

	port := os.Getenv("PORT")
	if port == "" {
		port = "8098"
	}
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
