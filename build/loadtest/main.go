// Command loadtest measures the reference platform server under concurrent
// usage-stats requests. It starts an embedded FerretDB on loopback, loads the
// sample platform's dataset (sample.DefaultOptions), serves the platform API
// on 127.0.0.1, signs in as the demo user, then fires rounds of concurrent
// GET /api/auth/usage-stats requests and prints throughput, latency
// percentiles and errors. Everything stays on loopback, the request count is
// bounded and the run stops by itself.
//
//	go run ./build/loadtest [-c 200] [-rounds 3] [-distinct] [-max 5m]
package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"

	"usagedash/backend/ferret"
	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
	"usagedash/backend/server"
)

func main() {
	concurrency := flag.Int("c", 200, "concurrent requests per round (1-1000)")
	rounds := flag.Int("rounds", 3, "rounds (1-20)")
	maxTime := flag.Duration("max", 5*time.Minute, "stop after this long whatever happens")
	distinct := flag.Bool("distinct", false, "give every request its own period, so that no two can share a computation")
	flag.Parse()
	if *concurrency < 1 || *concurrency > 1000 || *rounds < 1 || *rounds > 20 {
		fmt.Fprintln(os.Stderr, "loadtest: -c must be 1-1000 and -rounds 1-20")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *maxTime)
	defer cancel()
	if err := run(ctx, *concurrency, *rounds, *distinct); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// database is the database the dataset is loaded into.
const database = "loadtest"

func run(ctx context.Context, concurrency, rounds int, distinct bool) error {
	dir, err := os.MkdirTemp("", "usagedash-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := ferret.Start(ctx, dir, io.Discard)
	if err != nil {
		return err
	}
	defer db.Stop()

	ds, err := sample.Generate(sample.DefaultOptions(time.Now()))
	if err != nil {
		return err
	}
	if err := sample.LoadURI(ctx, db.URI(), database, ds); err != nil {
		return err
	}
	src, err := mongodb.Open(ctx, mongodb.Config{URI: db.URI(), Database: database})
	if err != nil {
		return err
	}
	defer src.Close(context.WithoutCancel(ctx))

	secret := make([]byte, 48)
	if _, err := rand.Read(secret); err != nil {
		return err
	}
	srv, err := server.New(server.Config{Source: src, Secret: secret,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		return err
	}
	srvCtx, stop := context.WithCancel(ctx)
	defer stop()
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(srvCtx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case err := <-done:
		return err
	}

	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		MaxIdleConns: concurrency, MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency}}
	pc, err := platform.NewClient(base, platform.Options{HTTPClient: client})
	if err != nil {
		return err
	}
	signedIn, err := pc.Login(ctx, sample.DemoUsername, sample.DemoPassword)
	if err != nil {
		return err
	}
	token := signedIn.AccessToken

	// Alternate all-time and last-30-days requests, as the app does; with
	// -distinct, every request of a round asks for a slightly different period.
	since := time.Now().AddDate(0, 0, -30).UTC().Truncate(time.Second)
	urls := []string{base + platform.PathUsageStats}
	n := 1
	if distinct {
		n = concurrency
	}
	for i := range n {
		q := url.Values{"period_start": {since.Add(time.Duration(i) * time.Millisecond).Format(time.RFC3339Nano)}}
		urls = append(urls, base+platform.PathUsageStats+"?"+q.Encode())
	}
	if distinct {
		urls = urls[1:]
	}
	fmt.Printf("dataset: %d users, %d workflows, %d instances, %d logs; %d rounds of %d concurrent usage-stats requests (%d distinct)\n",
		len(ds.Users), len(ds.Workflows), len(ds.Instances), len(ds.Logs), rounds, concurrency, len(urls))
	var all []time.Duration
	errs, start := 0, time.Now()
	for r := 1; r <= rounds && ctx.Err() == nil; r++ {
		lat, e, took := round(ctx, client, urls, token, concurrency)
		all, errs = append(all, lat...), errs+e
		report(fmt.Sprintf("round %d", r), lat, e, took)
	}
	report("total", all, errs, time.Since(start))
	stop()
	return <-done
}

// round fires n requests at once and returns the successful latencies, the
// error count and the wall time.
func round(ctx context.Context, client *http.Client, urls []string, token string, n int) ([]time.Duration, int, time.Duration) {
	var (
		mu   sync.Mutex
		lat  []time.Duration
		errs int
		wg   sync.WaitGroup
	)
	start := time.Now()
	for i := range n {
		wg.Go(func() {
			t0 := time.Now()
			err := get(ctx, client, urls[i%len(urls)], token)
			d := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs++
				if errs <= 3 {
					fmt.Fprintln(os.Stderr, "  error:", err)
				}
				return
			}
			lat = append(lat, d)
		})
	}
	wg.Wait()
	return lat, errs, time.Since(start)
}

func get(ctx context.Context, client *http.Client, u, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var s platform.UserUsageStats
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return err
	}
	if s.Username != sample.DemoUsername {
		return errors.New("answer for the wrong user")
	}
	return nil
}

func report(label string, lat []time.Duration, errs int, took time.Duration) {
	if len(lat) == 0 {
		fmt.Printf("%-8s  no successful requests, %d errors in %v\n", label, errs, took.Round(time.Millisecond))
		return
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	fmt.Printf("%-8s  %5d ok  %3d errors  %7.1f req/s  p50 %-9v p99 %-9v max %-9v (%v)\n", label, len(lat), errs,
		float64(len(lat))/took.Seconds(), pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond),
		lat[len(lat)-1].Round(time.Millisecond), took.Round(time.Millisecond))
}
