//go:build !race

package main

// raceDetector is false in a test binary built without -race.
const raceDetector = false
