package app

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/history"
	"usagedash/backend/mongodb"
	"usagedash/backend/pricing"
	"usagedash/backend/profiles"
	"usagedash/backend/secrets"
	"usagedash/backend/server"
	"usagedash/backend/settings"
)

// Environment variables read by the commands. Secrets come from the
// environment or standard input, never from flags (which others can see).
const (
	EnvMongoURI  = "USAGEDASH_MONGODB_URI"
	EnvPassword  = "USAGEDASH_PASSWORD"
	EnvJWTSecret = "USAGEDASH_JWT_SECRET"
)

const (
	fetchTimeout   = 30 * time.Second
	connectTimeout = 10 * time.Second
)

// IsCommand reports whether arg names a command-line subcommand rather than
// a window flag.
func IsCommand(arg string) bool {
	switch arg {
	case "report", "serve", "version", "--version", "-version":
		return true
	}
	return false
}

// RunCommand runs a subcommand and returns the process exit status. Errors
// are printed to stderr as one line.
func RunCommand(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, version string) int {
	var err error
	switch args[0] {
	case "report":
		err = runReport(ctx, args[1:], stdin, stdout)
	case "serve":
		err = runServe(ctx, args[1:], stdout, stderr)
	default:
		fmt.Fprintln(stdout, "usagedash", version)
	}
	if err != nil {
		fmt.Fprintln(stderr, "usagedash:", oneLine(err))
		return 1
	}
	return 0
}

func runReport(ctx context.Context, args []string, stdin io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	profileRef := fs.String("profile", "", "saved connection to read (name or id)")
	passwordStdin := fs.Bool("password-stdin", false, "read the platform password from standard input")
	database := fs.String("database", mongodb.DefaultDatabase, "MongoDB database (with "+EnvMongoURI+")")
	account := fs.String("user", "", "username or email whose usage to show (with "+EnvMongoURI+")")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	preset := fs.String("period", string(backend.PresetAllTime), "period preset")
	from := fs.String("from", "", "custom period start: first day (YYYY-MM-DD) or an RFC 3339 time")
	to := fs.String("to", "", "custom period end: last day (YYYY-MM-DD, inclusive) or an RFC 3339 time")
	tz := fs.String("tz", "Local", "time zone for period presets and days (IANA name, Local or UTC)")
	utc := fs.Bool("utc", false, "resolve the period's days in UTC (like --tz UTC)")
	offline := fs.Bool("offline", false, "print the latest stored report instead of fetching (no network)")
	if err := fs.Parse(args); err != nil {
		return backend.Errorf(backend.EINVALID, "report: %v", err)
	}
	paths := DefaultPaths()
	if *offline {
		return printStored(paths, *profileRef, *asJSON, out)
	}
	period, err := parsePeriod(*preset, *from, *to, *tz, *utc)
	if err != nil {
		return err
	}
	var source backend.Source
	var profile backend.Profile
	query := backend.Query{Account: *account, Period: period, Pricer: cliPrices(paths)}
	switch {
	case *profileRef != "":
		conns, err := openConnections(paths)
		if err != nil {
			return err
		}
		p, err := findProfile(conns.Profiles, *profileRef)
		if err != nil {
			return err
		}
		query.Account = p.Account
		profile = p
		password := func() (string, error) { return readPassword(stdin, *passwordStdin) }
		source, err = profileSource(ctx, conns, p, password)
		if err != nil {
			return err
		}
	case os.Getenv(EnvMongoURI) != "":
		if *account == "" {
			return backend.Errorf(backend.EINVALID, "No account: pass --user with a username or email.")
		}
		openCtx, cancel := context.WithTimeout(ctx, connectTimeout)
		defer cancel()
		source, err = mongodb.Open(openCtx, mongodb.Config{URI: os.Getenv(EnvMongoURI), Database: *database})
		if err != nil {
			return err
		}
	default:
		return backend.Errorf(backend.EINVALID, "No data source: pass --profile NAME, or set %s and --user.", EnvMongoURI)
	}
	defer closeQuietly(source)
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	report, err := source.Report(ctx, query)
	if err != nil {
		return err
	}
	if profile.ID != "" {
		keepInHistory(paths, profile, report)
	}
	return writeReport(out, report, *asJSON)
}

// cliPrices prices logs as the window does: the shipped table with the
// model aliases and custom prices of the saved settings (the defaults when
// the settings cannot be read).
func cliPrices(paths Paths) backend.Pricer {
	st := backend.DefaultSettings()
	if prefs, err := settings.Open(paths.Settings); err == nil {
		st = prefs.Get()
	}
	return pricing.FromSettings(st)
}

// keepInHistory stores a profile's fetched report, as the window does; a
// failure only costs the history entry.
func keepInHistory(paths Paths, p backend.Profile, r *backend.Report) {
	if store, err := history.Open(paths.Reports, history.Options{}); err == nil {
		_, _ = store.Save(p.ID, p.Name, r)
	}
}

// printStored prints the newest stored report (of the named profile, or of
// any profile), with no network at all.
func printStored(paths Paths, profileRef string, asJSON bool, out io.Writer) error {
	store, err := history.Open(paths.Reports, history.Options{})
	if err != nil {
		return backend.WrapError(err, backend.EUNAVAILABLE, "Cannot open the report history at "+paths.Reports+".")
	}
	var r *backend.Report
	if profileRef != "" {
		// Only the profile list is needed: no keychain probe, and only the
		// newest stored file is read.
		profileStore, err := profiles.Open(paths.Profiles)
		if err != nil {
			return err
		}
		p, err := findProfile(profileStore, profileRef)
		if err != nil {
			return err
		}
		if r, _, err = store.LatestAny(p.ID); err != nil {
			return noStoredReport(err)
		}
	} else {
		entries, _, err := store.List("")
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			return noStoredReport(nil)
		}
		if r, _, err = store.Get(entries[0].ID); err != nil {
			return err
		}
	}
	return writeReport(out, r, asJSON)
}

// noStoredReport explains an empty history (err: the store's ENOTFOUND, or nil).
func noStoredReport(err error) error {
	if err != nil && backend.ErrorCode(err) != backend.ENOTFOUND {
		return err
	}
	return backend.Errorf(backend.ENOTFOUND, "No stored report yet: fetch one first (usagedash report, or open the app).")
}

// readPassword takes the password from standard input (first line) when
// asked to, else from the environment.
func readPassword(stdin io.Reader, fromStdin bool) (string, error) {
	if !fromStdin {
		return os.Getenv(EnvPassword), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", backend.WrapError(err, backend.EINVALID, "Cannot read the password from standard input.")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	listen := fs.String("listen", "127.0.0.1:8000", "address to listen on")
	database := fs.String("database", mongodb.DefaultDatabase, "the platform's MongoDB database")
	if err := fs.Parse(args); err != nil {
		return backend.Errorf(backend.EINVALID, "serve: %v", err)
	}
	secret := os.Getenv(EnvJWTSecret)
	if err := server.CheckSecret([]byte(secret)); err != nil {
		return backend.Errorf(backend.EINVALID, "Set %s to a strong random secret of 32 bytes or more (for example: openssl rand -base64 48). %s", EnvJWTSecret, backend.ErrorMessage(err))
	}
	uri := os.Getenv(EnvMongoURI)
	if uri == "" {
		return backend.Errorf(backend.EINVALID, "Set %s to the platform's MongoDB URI.", EnvMongoURI)
	}
	openCtx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	source, err := mongodb.Open(openCtx, mongodb.Config{URI: uri, Database: *database})
	if err != nil {
		return err
	}
	defer closeQuietly(source)
	srv, err := server.New(server.Config{Source: source, Secret: []byte(secret), Logger: slog.New(slog.NewTextHandler(stderr, nil))})
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, *listen, func(a net.Addr) {
		fmt.Fprintf(stdout, "usagedash serve: listening on http://%s (%s)\n", a, source.Info().Label)
	})
}

func openConnections(paths Paths) (*Connections, error) {
	store, err := profiles.Open(paths.Profiles)
	if err != nil {
		return nil, err
	}
	secretStore, _ := secrets.Open(paths.Secrets)
	return NewConnections(store, secretStore), nil
}

func closeQuietly(s backend.Source) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.Close(ctx)
}

// oneLine returns the human message of err for the command line.
func oneLine(err error) string {
	var e *backend.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// parsePeriod resolves report's period flags: a preset, whole days
// (--from/--to YYYY-MM-DD, both inclusive) in tz or UTC, or a custom range
// of RFC 3339 times (either end may be left open).
func parsePeriod(preset, from, to, tz string, utc bool) (backend.Period, error) {
	loc := LocalZone()
	if tz != "Local" {
		var err error
		if loc, err = time.LoadLocation(tz); err != nil {
			return backend.Period{}, backend.Errorf(backend.EINVALID, "Unknown time zone %q.", tz)
		}
	}
	if from == "" && to == "" {
		return backend.ResolveRequest(backend.PeriodRequest{Preset: preset, UTC: utc}, time.Now(), loc)
	}
	isDay := func(s string) bool { return len(s) == len(time.DateOnly) && !strings.Contains(s, "T") }
	if isDay(from) || isDay(to) {
		if !isDay(from) || !isDay(to) {
			return backend.Period{}, backend.Errorf(backend.EINVALID,
				"Give both --from and --to as days (YYYY-MM-DD), or both as RFC 3339 times.")
		}
		return backend.ResolveRequest(backend.PeriodRequest{Preset: string(backend.PresetCustom), From: from, To: to, UTC: utc}, time.Now(), loc)
	}
	parse := func(name, s string) (*time.Time, error) {
		if s == "" {
			return nil, nil
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, backend.Errorf(backend.EINVALID,
				"--%s must be an RFC 3339 time such as 2026-11-01T00:00:00+01:00, or a day such as 2026-11-01.", name)
		}
		return &t, nil
	}
	start, err := parse("from", from)
	if err != nil {
		return backend.Period{}, err
	}
	end, err := parse("to", to)
	if err != nil {
		return backend.Period{}, err
	}
	return backend.CustomPeriod(start, end)
}
