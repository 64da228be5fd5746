//go:build race

package main

// raceDetector is true in a test binary built with -race, whose time and
// memory are several times a real run's: resource budgets are asserted
// only without it (.ci/run runs those tests once more without -race).
const raceDetector = true
