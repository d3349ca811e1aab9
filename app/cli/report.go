package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"strings"
	"time"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/claudecode"
	"usagedash/backend/history"
	"usagedash/backend/mongodb"
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

func runReport(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
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
	sourceKind := fs.String("source", "", "claude-code: read Claude Code's transcripts on this computer")
	if err := parseFlags(fs, args, env.Stdout); err != nil {
		return err
	}
	out := env.Stdout
	paths := app.DefaultPaths()
	if *offline {
		return printStored(paths, *profileRef, *asJSON, out)
	}
	period, err := parsePeriod(*preset, *from, *to, *tz, *utc)
	if err != nil {
		return err
	}
	var source backend.Source
	var profile backend.Profile
	query := backend.Query{Account: *account, Period: period}
	switch {
	case *sourceKind == string(backend.SourceClaudeCode):
		if source, err = claudecode.OpenProfile(backend.Profile{Kind: backend.SourceClaudeCode, Name: "Claude Code on this computer"}); err != nil {
			return err
		}
	case *sourceKind != "":
		return backend.Errorf(backend.EINVALID, "Unknown --source %q: the one source without a profile is claude-code.", *sourceKind)
	case *profileRef != "":
		password := func() (string, error) { return readPassword(env.Stdin, *passwordStdin) }
		source, profile, err = profileSource(ctx, paths, *profileRef, password)
		if err != nil {
			return err
		}
		query.Account = profile.Account
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
	query.Pricer = cliPrices(paths, profile, env.Stderr)
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

// cliPrices prices logs as the window does: the table in force (the
// shipped table merged with the last good price download) with the model
// aliases and custom prices of the saved settings, read without changing
// the file, and the cache-TTL policy of profile (none: the default). A
// problem with the settings or the stored download is reported on stderr:
// unusable entries are left out, an unreadable file gives the defaults.
func cliPrices(paths app.Paths, profile backend.Profile, stderr io.Writer) backend.Pricer {
	st := backend.DefaultSettings()
	prefs, err := settings.OpenReadOnly(paths.Settings)
	switch {
	case err != nil:
		warn(stderr, backend.ErrorMessage(err)+" Prices use the shipped table.")
	case prefs.Warning() != "":
		warn(stderr, prefs.Warning())
		st = prefs.Get()
	default:
		st = prefs.Get()
	}
	up := app.NewPriceUpdater(paths)
	if msg := up.Status().StoreError; msg != "" {
		warn(stderr, msg)
	}
	var active func() (backend.Profile, error)
	if profile.ID != "" {
		active = func() (backend.Profile, error) { return profile, nil }
	}
	return app.SettingsPrices(func() backend.Settings { return st }, up.Table, active)()
}

// keepInHistory stores a profile's fetched report, as the window does; a
// failure only costs the history entry.
func keepInHistory(paths app.Paths, p backend.Profile, r *backend.Report) {
	if store, err := history.Open(paths.Reports, history.Options{}); err == nil {
		_, _ = store.Save(p.ID, p.Name, r)
	}
}

// printStored prints the newest stored report (of the named profile, or of
// any profile), with no network at all.
func printStored(paths app.Paths, profileRef string, asJSON bool, out io.Writer) error {
	store, err := history.Open(paths.Reports, history.Options{})
	if err != nil {
		return backend.WrapError(err, backend.EUNAVAILABLE, "Cannot open the report history at "+paths.Reports+".")
	}
	var r *backend.Report
	if profileRef != "" {
		// Only the profile list is needed: no keychain probe, and only the
		// newest stored file is read.
		p, _, err := openProfile(paths, profileRef)
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
