// Command ours is the usagedash side of the ccusage benchmark: it reads a
// corpus with package claudecode directly (as `usagedash report --json
// --source claude-code` does) and prints per-day figures, times a refresh
// after one appended request, or compares its days with ccusage's.
//
//	ours -corpus DIR -cache C -data D daily          # JSON like ccusage's daily
//	ours -corpus DIR append                          # append one request
//	ours -corpus DIR -cache C -data D refresh        # in-process refresh after an append
//	ours -corpus DIR -cache C -data D compare ccusage.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"usagedash/backend"
	"usagedash/backend/claudecode"
	"usagedash/backend/pricing"
)

func main() {
	corpus := flag.String("corpus", "", "folder holding projects/")
	cache := flag.String("cache", "", "index folder")
	data := flag.String("data", "", "record folder")
	profile := flag.String("cpuprofile", "", "write a CPU profile here")
	loops := flag.Int("loops", 0, "daily: then time this many more reports in the same process")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *corpus == "" || flag.NArg() == 0 {
		log.Fatal("usage: ours -corpus DIR [-cache C -data D] daily|append|refresh|compare FILE")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if flag.Arg(0) == "append" {
		if err := appendRequest(*corpus, time.Now()); err != nil {
			log.Fatal(err)
		}
		return
	}
	src, err := claudecode.New(claudecode.Options{Folders: []string{*corpus}, CacheDir: *cache, DataDir: *data})
	if err != nil {
		log.Fatal(err)
	}
	q := backend.Query{Period: backend.Period{Preset: backend.PresetAllTime, TimeZone: "UTC", Bucket: backend.BucketDay}, Pricer: pricing.Default()}
	switch flag.Arg(0) {
	case "daily":
		r, err := src.Report(ctx, q)
		if err != nil {
			log.Fatal(err)
		}
		if err := json.NewEncoder(os.Stdout).Encode(daily(r)); err != nil {
			log.Fatal(err)
		}
		if *loops > 0 {
			start := time.Now()
			for range *loops {
				if _, err := src.Report(ctx, q); err != nil {
					log.Fatal(err)
				}
			}
			fmt.Fprintf(os.Stderr, "report_ms=%.2f (mean of %d, nothing changed)\n", float64(time.Since(start).Microseconds())/1000/float64(*loops), *loops)
		}
		if err := src.Close(ctx); err != nil {
			log.Fatal(err)
		}
	case "refresh":
		// As the running app does: watch, report once, then report again
		// when the watcher signals the appended request.
		changed := make(chan struct{}, 16)
		wctx, stop := context.WithCancel(ctx)
		go func() { _ = src.Watch(wctx, func() { changed <- struct{}{} }) }()
		time.Sleep(time.Second) // let the watcher add its folders
		if _, err := src.Report(ctx, q); err != nil {
			log.Fatal(err)
		}
		written := time.Now()
		if err := appendRequest(*corpus, written); err != nil {
			log.Fatal(err)
		}
		<-changed
		signalled := time.Now()
		r, err := src.Report(ctx, q)
		if err != nil {
			log.Fatal(err)
		}
		done := time.Now()
		stop()
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Printf("refresh_ms=%.2f write_to_report_ms=%.2f requests=%d\n", ms(done.Sub(signalled)), ms(done.Sub(written)), r.Pricing.LogsWithoutCost)
		if err := src.Close(ctx); err != nil {
			log.Fatal(err)
		}
	case "compare":
		if err := compare(ctx, src, q, flag.Arg(1)); err != nil {
			log.Fatal(err)
		}
	default:
		log.Fatalf("unknown command %q", flag.Arg(0))
	}
}

// day is one day in ccusage's daily JSON.
type day struct {
	Date          string  `json:"date"`
	Input         int64   `json:"inputTokens"`
	Output        int64   `json:"outputTokens"`
	CacheCreation int64   `json:"cacheCreationTokens"`
	CacheRead     int64   `json:"cacheReadTokens"`
	Cost          float64 `json:"totalCost"`
	Models        []struct {
		Name    string `json:"modelName"`
		Missing bool   `json:"missingPricing"`
	} `json:"modelBreakdowns"`
}

// daily turns a report's day series into ccusage's daily shape (days
// without usage left out, as ccusage does).
func daily(r *backend.Report) map[string][]day {
	var out []day
	for _, row := range r.Series.Rows {
		t := row.Tokens
		if t.TotalTokens == 0 {
			continue
		}
		out = append(out, day{Date: row.Key, Input: t.InputTokens, Output: t.OutputTokens, CacheCreation: t.CacheCreationInputTokens,
			CacheRead: t.CacheReadInputTokens, Cost: row.CostUSD})
	}
	return map[string][]day{"daily": out}
}

// appendRequest appends one assistant request to the newest transcript.
func appendRequest(corpus string, at time.Time) error {
	files, _ := filepath.Glob(filepath.Join(corpus, "projects", "*", "*.jsonl"))
	var newest string
	var newestTime time.Time
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.ModTime().After(newestTime) {
			newest, newestTime = f, info.ModTime()
		}
	}
	if newest == "" {
		return fmt.Errorf("no transcript in %s", corpus)
	}
	id := at.UnixNano()
	line := fmt.Sprintf(`{"type":"assistant","sessionId":"appended","cwd":"/home/dev/appended","timestamp":"%s","requestId":"req_app_%d","message":{"id":"msg_app_%d","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":100,"output_tokens":200,"cache_read_input_tokens":5000}}}`+"\n",
		at.UTC().Format("2006-01-02T15:04:05.000Z"), id, id)
	f, err := os.OpenFile(newest, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
