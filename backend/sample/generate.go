package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
	"golang.org/x/crypto/bcrypt"
)

// The demo account the sample platform prints and the app's demo profile uses.
const (
	DemoUsername = "demo"
	DemoEmail    = "demo@example.com"
	DemoPassword = "demo-password"
)

// Options shape a generated dataset.
type Options struct {
	// Seed makes the dataset reproducible.
	Seed uint64
	// Now is the end of the generated history (logs never come after it).
	Now time.Time
	// Days of history before Now.
	Days int
	// Users is how many users besides the demo user (at least 1; the last one
	// is deactivated).
	Users int
	// Logs is roughly how many log documents to generate.
	Logs int
	// HashPasswords stores real bcrypt hashes (slow-ish; off for large tests).
	HashPasswords bool
	// LogModes makes about one log in eight record a claude_mode of its own
	// that differs from its instance's (or that its legacy instance lacks).
	LogModes bool
}

// DefaultOptions is the sample platform's dataset: about 90 days and a few
// thousand logs, small enough for FerretDB's full scans.
func DefaultOptions(now time.Time) Options {
	return Options{Seed: 2026, Now: now, Days: 90, Users: 3, Logs: 4000, HashPasswords: true}
}

var (
	models = []string{
		"claude-sonnet-5-5", "claude-opus-5-5",
		"claude-haiku-5-5", "claude-opus-4-8",
	}
	// Rough per-million prices (input, output, cache write, cache read) used
	// only to make reported costs realistic.
	roughPrices = map[string][4]float64{
		models[0]: {2, 10, 2.50, 0.20}, models[1]: {4, 20, 5, 0.20},
		models[2]: {0.10, 0.50, 0.125, 0.01}, models[3]: {5, 25, 6.25, 0.50},
	}
	workflowNames = []string{
		"docs-refresh", "bug-triage", "release-notes", "dependency-bumps", "test-flake-hunter",
		"api-migration", "code-review", "changelog-writer", "security-audit", "perf-investigation",
	}
	firstNames = []string{"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"}
)

// Generate builds a dataset from opts. The same options give the same data.
func Generate(opts Options) (*Dataset, error) {
	if opts.Users < 1 {
		opts.Users = 1
	}
	if opts.Days < 1 {
		opts.Days = 1
	}
	g := &generator{rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed)), opts: opts,
		start: opts.Now.Add(-time.Duration(opts.Days) * 24 * time.Hour)}
	ds := &Dataset{}
	if err := g.users(ds); err != nil {
		return nil, err
	}
	g.workflowsAndInstances(ds)
	g.logs(ds)
	g.unpricedInstance(ds)
	return ds, nil
}

type generator struct {
	rng   *rand.Rand
	opts  Options
	start time.Time
}

func (g *generator) id() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(g.rng.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return uuid.UUID(b).String()
}

func (g *generator) users(ds *Dataset) error {
	names := []string{DemoUsername}
	for i := 0; i < g.opts.Users; i++ {
		name := firstNames[i%len(firstNames)]
		if i >= len(firstNames) {
			name = fmt.Sprintf("%s%d", name, i/len(firstNames))
		}
		names = append(names, name)
	}
	for i, name := range names {
		u := User{ID: g.id(), Username: name, Email: name + "@example.com", Password: name + "-password",
			IsActive: i < len(names)-1 || len(names) == 1, IsAdmin: i == 1,
			CreatedAt: g.start.Add(-time.Duration(30+i) * 24 * time.Hour).Truncate(time.Millisecond)}
		if name == DemoUsername {
			u.Email, u.Password = DemoEmail, DemoPassword
			full := "Demo User"
			u.FullName = &full
		}
		u.HashedPassword = "$2b$12$notarealhashnotarealhashnotarealhashnotarealhas"
		if g.opts.HashPasswords {
			h, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.DefaultCost)
			if err != nil {
				return err
			}
			u.HashedPassword = string(h)
		}
		ds.Users = append(ds.Users, u)
	}
	return nil
}

func (g *generator) workflowsAndInstances(ds *Dataset) {
	window := g.opts.Now.Sub(g.start)
	for ui := range ds.Users {
		uid := ds.Users[ui].ID
		nWorkflows := 2 + g.rng.IntN(3)
		for w := 0; w < nWorkflows; w++ {
			name := workflowNames[g.rng.IntN(len(workflowNames))]
			wf := Workflow{ID: g.id(), UserID: &uid, Name: name,
				GitRepo:   "https://git.example.com/" + ds.Users[ui].Username + "/" + name + ".git",
				CreatedAt: g.start.Add(time.Duration(g.rng.Int64N(int64(window / 4)))).Truncate(time.Millisecond)}
			ds.Workflows = append(ds.Workflows, wf)
			for n := 3 + g.rng.IntN(6); n > 0; n-- {
				ds.Instances = append(ds.Instances, g.instance(&uid, wf.ID, window))
			}
		}
	}
	// Legacy data: a workflow and instances that belong to no user.
	legacy := Workflow{ID: g.id(), Name: "legacy-import", GitRepo: "https://git.example.com/ops/legacy.git", CreatedAt: g.start}
	ds.Workflows = append(ds.Workflows, legacy)
	for n := 0; n < 3; n++ {
		inst := g.instance(nil, legacy.ID, window/3)
		inst.Model, inst.Mode = nil, nil
		ds.Instances = append(ds.Instances, inst)
	}
}

func (g *generator) instance(uid *string, workflowID string, window time.Duration) Instance {
	model := models[g.rng.IntN(len(models))]
	mode := "api-key"
	if g.rng.IntN(3) == 0 {
		mode = "max-plan"
	}
	// Later instances are more likely: usage grows over the period.
	frac := math.Sqrt(g.rng.Float64())
	created := g.start.Add(time.Duration(frac * float64(window))).Truncate(time.Millisecond)
	status := "completed"
	if g.rng.IntN(8) == 0 {
		status = "failed"
	}
	return Instance{ID: g.id(), UserID: uid, WorkflowID: workflowID, Status: status, Model: &model, Mode: &mode,
		CreatedAt: created, Archived: g.rng.IntN(5) == 0}
}
