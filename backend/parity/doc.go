// Package parity holds the test that proves every way usagedash reads usage
// gives the same numbers: the platform API (through the reference server and
// the client), the direct MongoDB source, and an independent computation.
package parity
