// Package server is a reference implementation of the agent-workflow
// platform's authentication and usage endpoints (login, me, logout,
// usage-stats) over the platform's MongoDB database.
//
// It answers with the platform's exact JSON shapes and status codes, so the
// desktop app's platform client can be tested against it, the sample
// platform can offer a real API, and teams can expose just the usage
// endpoints over their existing platform database.
//
// The server only reads the platform database: it never writes (not even
// last_login) and never creates indexes. Tokens are HS256 JWTs signed with a
// secret the operator provides; there is no built-in default secret.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"usagedash/backend/mongodb"
	"usagedash/backend/platform"
)

// Defaults for the zero values of Config.
const (
	DefaultTokenTTL        = 7 * 24 * time.Hour
	DefaultMaxFailedLogins = 5
	DefaultFailureWindow   = 15 * time.Minute
	DefaultRequestTimeout  = 30 * time.Second
)

// maxBodyBytes bounds every request body.
const maxBodyBytes = 64 << 10

// Config configures a Server.
type Config struct {
	// Source reads the platform database (users, and usage through
	// ReportForUser). Required.
	Source *mongodb.Source
	// Secret signs and verifies tokens (HS256). Required; CheckSecret must
	// accept it. It is never logged.
	Secret []byte
	// TokenTTL is how long an access token lives (default 7 days, as the platform).
	TokenTTL time.Duration
	// Logger receives one line per request and operational events; it never
	// receives tokens, passwords, Authorization headers or the Mongo URI.
	// Default: slog.Default().
	Logger *slog.Logger
	// Now is the clock (default time.Now); tests inject one.
	Now func() time.Time
	// MaxFailedLogins is how many failed sign-ins per account and per client
	// address are allowed within FailureWindow before sign-ins answer 429 (default 5).
	MaxFailedLogins int
	// FailureWindow is the sliding window failed sign-ins are counted in (default 15 minutes).
	FailureWindow time.Duration
	// RequestTimeout is the deadline of every request's work (default 30 seconds).
	RequestTimeout time.Duration
}

// Server serves the platform's auth and usage endpoints.
type Server struct {
	src     *mongodb.Source
	tokens  *tokens
	log     *slog.Logger
	now     func() time.Time
	limiter *limiter
	timeout time.Duration
	hashes  *passwords
	reports *reports
	handler http.Handler
}

// New checks cfg, fills in defaults and returns a server. It refuses a
// missing source and a weak secret (see CheckSecret).
func New(cfg Config) (*Server, error) {
	if cfg.Source == nil {
		return nil, errors.New("server: a MongoDB source is required")
	}
	if err := CheckSecret(cfg.Secret); err != nil {
		return nil, err
	}
	if cfg.TokenTTL <= 0 {
		cfg.TokenTTL = DefaultTokenTTL
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxFailedLogins <= 0 {
		cfg.MaxFailedLogins = DefaultMaxFailedLogins
	}
	if cfg.FailureWindow <= 0 {
		cfg.FailureWindow = DefaultFailureWindow
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	s := &Server{
		src:     cfg.Source,
		tokens:  newTokens(cfg.Secret, cfg.TokenTTL, cfg.Now),
		log:     cfg.Logger,
		now:     cfg.Now,
		limiter: newLimiter(cfg.MaxFailedLogins, cfg.FailureWindow),
		timeout: cfg.RequestTimeout,
		hashes:  newPasswords(),
		reports: newReports(cfg.Source.ReportForUser, cfg.RequestTimeout),
	}
	s.handler = s.routes()
	return s, nil
}

// route is one endpoint: its method and handler.
type route struct {
	method  string
	handler http.HandlerFunc
}

func (s *Server) routes() http.Handler {
	table := map[string]route{
		platform.PathLogin:      {http.MethodPost, s.handleLogin},
		platform.PathMe:         {http.MethodGet, s.handleMe},
		platform.PathLogout:     {http.MethodPost, s.handleLogout},
		platform.PathUsageStats: {http.MethodGet, s.handleUsageStats},
	}
	mux := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rt, ok := table[r.URL.Path]
		if !ok {
			writeError(w, http.StatusNotFound, "Not Found")
			return
		}
		if r.Method != rt.method {
			w.Header().Set("Allow", rt.method)
			writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed")
			return
		}
		rt.handler(w, r)
	})
	return s.middleware(mux)
}

// Handler returns the server's HTTP handler: routing, per-request deadline,
// body limit, panic recovery and request logging included.
func (s *Server) Handler() http.Handler { return s.handler }

// ListenAndServe listens on addr (host:port; port 0 picks a free one), calls
// ready with the bound address if it is not nil, and serves until ctx ends.
// It then stops accepting connections and waits up to 10 seconds for
// requests in flight. It returns nil after a clean shutdown.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen on %s: %w", addr, err)
	}
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.timeout,
		WriteTimeout:      s.timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	s.log.Info("platform server listening", "addr", ln.Addr().String())
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err = hs.Shutdown(shutdownCtx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.log.Info("platform server stopped")
	if err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}
