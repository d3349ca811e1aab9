//go:build race

package cache

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = true
