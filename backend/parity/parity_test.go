package parity_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"usagedash/backend"
	"usagedash/backend/platform"
	"usagedash/backend/sample"
)

// fieldsOf returns the platform's numeric fields of s by JSON name.
func fieldsOf(s platform.UserUsageStats) map[string]float64 {
	return map[string]float64{
		"total_workflows": float64(s.TotalWorkflows), "total_instances": float64(s.TotalInstances),
		"total_tokens": float64(s.TotalTokens), "total_input_tokens": float64(s.TotalInputTokens),
		"total_output_tokens": float64(s.TotalOutputTokens), "total_cache_creation_tokens": float64(s.TotalCacheCreationTokens),
		"total_cache_read_tokens": float64(s.TotalCacheReadTokens), "total_cost_usd": s.TotalCostUSD,
		"total_execution_time_ms": float64(s.TotalExecutionTimeMS),
	}
}

func TestPlatformAPIMongoDBAndIndependentComputationAgree(t *testing.T) {
	for _, seed := range []uint64{101, 202} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) { checkParity(t, seed) })
	}
}

func checkParity(t *testing.T, seed uint64) {
	now := time.Date(2026, 10, 31, 15, 45, 12, 0, time.UTC)
	ds, err := sample.Generate(sample.Options{Seed: seed, Now: now, Days: 60, Users: 3, Logs: 1000 + int(seed)})
	if err != nil {
		t.Fatal(err)
	}
	// A user with an account and nothing else.
	hash, _ := bcrypt.GenerateFromPassword([]byte("lonely-password"), bcrypt.MinCost)
	ds.Users = append(ds.Users, sample.User{ID: fmt.Sprintf("lonely-%d", seed), Username: "lonely", Email: "lonely@example.com",
		Password: "lonely-password", HashedPassword: string(hash), IsActive: true, CreatedAt: now})
	for i := range ds.Users {
		if h, err := bcrypt.GenerateFromPassword([]byte(ds.Users[i].Password), bcrypt.MinCost); err == nil {
			ds.Users[i].HashedPassword = string(h)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	source, httpSrv := startReference(ctx, t, ds, nil)
	pc, err := platform.NewClient(httpSrv.URL, platform.Options{})
	if err != nil {
		t.Fatal(err)
	}

	midStart := now.Add(-17*24*time.Hour - 7*time.Hour - 13*time.Minute - 5*time.Second)
	midEnd := now.Add(-3*24*time.Hour + 2*time.Hour + 41*time.Minute)
	oneSecond := ds.Logs[len(ds.Logs)/2].Timestamp
	periods := map[string][2]*time.Time{
		"all time":           {nil, nil},
		"mid-day to mid-day": {&midStart, &midEnd},
		"open start":         {nil, &midStart},
		"open end":           {&midEnd, nil},
		"one second":         {&oneSecond, ptr(oneSecond.Add(time.Second))},
		"empty future":       {ptr(now.Add(time.Hour)), ptr(now.Add(2 * time.Hour))},
	}
	nonEmpty := 0
	for _, u := range ds.Users {
		if !u.IsActive {
			continue
		}
		login, err := pc.Login(ctx, u.Email, u.Password)
		if err != nil {
			t.Fatalf("sign in as %s: %v", u.Username, err)
		}
		for name, pr := range periods {
			period, err := backend.CustomPeriod(pr[0], pr[1])
			if err != nil {
				t.Fatal(err)
			}
			fromAPI, err := pc.UsageStats(ctx, login.AccessToken, period)
			if err != nil {
				t.Fatalf("%s/%s: usage-stats: %v", u.Username, name, err)
			}
			fromMongo, err := source.ReportForUser(ctx, u.ID, u.Username, period)
			if err != nil {
				t.Fatal(err)
			}
			want := ds.Expect(u.Username, pr[0], pr[1])
			api, db := fieldsOf(*fromAPI), fieldsOf(platform.StatsFromReport(fromMongo))
			for k, w := range want {
				if math.Abs(api[k]-w) > 1e-9 || math.Abs(db[k]-w) > 1e-9 {
					t.Errorf("%s/%s %s: API %v, MongoDB %v, independent %v", u.Username, name, k, api[k], db[k], w)
				}
			}
			if fromAPI.TokenBreakdown != fromMongo.TokenBreakdown || fromAPI.UserID != u.ID || fromAPI.Username != u.Username {
				t.Errorf("%s/%s: breakdown or identity differ: API %+v / MongoDB %+v", u.Username, name, fromAPI, fromMongo.TokenBreakdown)
			}
			if want["total_tokens"] > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 6 {
		t.Fatalf("only %d non-empty comparisons: the dataset does not exercise the sums", nonEmpty)
	}
}

func ptr(t time.Time) *time.Time { return &t }
