// Package units converts temperatures (a stand-in for a third-party module, vendored with go mod vendor).
package units

// Fahrenheit converts degrees Celsius to degrees Fahrenheit.
func Fahrenheit(celsius float64) float64 {
	return celsius*9/5 + 32
}
