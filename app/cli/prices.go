package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"usagedash/app"
	"usagedash/backend"
	"usagedash/backend/pricing"
	"usagedash/backend/settings"
)

// runPrices is `usagedash prices [--json]`: the table in force and where
// each row came from; `usagedash prices update [--url URL | --file PATH]`
// downloads new prices.
func runPrices(ctx context.Context, env Env, args []string) error {
	if len(args) > 0 && args[0] == "update" {
		return runPricesUpdate(ctx, env, args[1:])
	}
	fs := flag.NewFlagSet("prices", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, env.Stdout); err != nil {
		return err
	}
	l := app.NewPriceUpdater(app.DefaultPaths()).Table().Listing(time.Now())
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	}
	return l.WriteText(env.Stdout)
}

// runPricesUpdate downloads the LiteLLM price file (or reads one), merges
// and stores it; a bad file changes nothing.
func runPricesUpdate(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("prices update", flag.ContinueOnError)
	url := fs.String("url", "", "the LiteLLM price file to download (default: the setting, else LiteLLM's main branch)")
	file := fs.String("file", "", "a LiteLLM price file on disk to read instead")
	if err := parseFlags(fs, args, env.Stdout); err != nil {
		return err
	}
	if *url != "" && *file != "" {
		return usageError("prices update: give --url or --file, not both.")
	}
	paths := app.DefaultPaths()
	up := app.NewPriceUpdater(paths)
	var info *pricing.UpdateInfo
	var err error
	if *file != "" {
		info, err = up.ApplyFile(*file)
	} else {
		if *url == "" {
			*url = pricing.DefaultLiteLLMURL
			if prefs, perr := settings.OpenReadOnly(paths.Settings); perr == nil && prefs.Get().PriceListURL != "" {
				*url = prefs.Get().PriceListURL
			}
		}
		ctx, cancel := context.WithTimeout(ctx, 2*pricing.FetchTimeout)
		defer cancel()
		info, err = up.Check(ctx, *url)
	}
	if err != nil {
		return backend.WrapError(err, backend.ErrorCode(err), "The prices were not updated: "+backend.ErrorMessage(err))
	}
	fmt.Fprintf(env.Stdout, "Prices updated from %s: %d Claude model families, sha256 %s, now in force as %s.\n",
		info.URL, info.Families, info.SHA256, up.Table().Version())
	for _, k := range info.KeptOut {
		fmt.Fprintln(env.Stdout, "Kept out:", k)
	}
	return nil
}
