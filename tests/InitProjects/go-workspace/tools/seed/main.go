// Command seed prints the stock as CSV; a developer tool, not part of the workspace's build.
package main

import "fmt"

func main() {
	fmt.Println("title,author")
}
