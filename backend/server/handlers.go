package server

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/platform"
)

// The platform's messages.
const (
	detailBadLogin      = "Invalid username/email or password"
	detailTooMany       = "Too many failed sign-in attempts. Try again later."
	detailBadToken      = "Could not validate credentials"
	detailUnavailable   = "The platform database is unavailable. Try again later."
	detailBusy          = "The server is busy. Try again shortly."
	detailBadPeriodTmpl = "Invalid %s format. Use ISO 8601 format."
)

// handleLogin signs a user in: POST {"username_or_email", "password"}.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	req, status, detail := decodeLogin(r)
	if status != 0 {
		writeError(w, status, detail)
		return
	}
	ctx := r.Context()
	addr := clientAddr(r)
	addrKey := addressKey(addr)
	if wait, blocked := s.limiter.blocked(s.now(), addrKey); blocked {
		s.tooMany(w, addr, wait)
		return
	}
	u, err := s.userByLogin(ctx, req.UsernameOrEmail)
	if err != nil && !errors.Is(err, errNoUser) {
		s.unavailable(w, "look up user", err)
		return
	}
	accountKey := "name:" + strings.ToLower(req.UsernameOrEmail)
	if u != nil {
		accountKey = "account:" + u.ID
	}
	att, wait, ok := s.limiter.begin(s.now(), addrKey, accountKey)
	if !ok {
		s.tooMany(w, addr, wait)
		return
	}
	var match bool
	if u == nil {
		if !s.hashes.costKnown() {
			s.learnHashCost(ctx)
		}
		err = s.hashes.spend(ctx, req.Password)
	} else {
		match, err = s.hashes.verify(ctx, u.HashedPassword, req.Password)
	}
	if err != nil {
		s.limiter.takeBack(att)
		s.unavailable(w, "verify password", err)
		return
	}
	if !match {
		s.log.Info("sign-in refused", "client", addr)
		writeError(w, http.StatusUnauthorized, detailBadLogin)
		return
	}
	s.limiter.takeBack(att)
	tok, err := s.tokens.issue(u.ID, u.Username)
	if err != nil {
		s.log.Error("sign token", "err", err)
		writeError(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	s.log.Info("signed in", "user_id", u.ID)
	writeJSON(w, http.StatusOK, platform.LoginResponse{AccessToken: tok, TokenType: "bearer", User: u.response()})
}

// tooMany answers a sign-in the limiter refused.
func (s *Server) tooMany(w http.ResponseWriter, addr string, wait time.Duration) {
	s.log.Warn("sign-in rate limited", "client", addr)
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	writeError(w, http.StatusTooManyRequests, detailTooMany)
}

// decodeLogin reads a login body. It answers 422 (as FastAPI does for an
// invalid body, but with the platform's {"detail": "<string>"} shape) for
// malformed JSON or missing/non-string fields, 413 for an oversized body
// and 415 for a non-JSON content type.
func decodeLogin(r *http.Request) (platform.LoginRequest, int, string) {
	var req platform.LoginRequest
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return req, http.StatusUnsupportedMediaType, "The request body must be JSON (Content-Type: application/json)."
		}
	}
	var body struct {
		UsernameOrEmail *string `json:"username_or_email"`
		Password        *string `json:"password"`
	}
	dec := json.NewDecoder(r.Body)
	err := dec.Decode(&body)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("trailing data")
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return req, http.StatusRequestEntityTooLarge, "Request body too large"
		}
		return req, http.StatusUnprocessableEntity, "The request body must be a JSON object with username_or_email and password."
	}
	if body.UsernameOrEmail == nil || body.Password == nil {
		return req, http.StatusUnprocessableEntity, "Both username_or_email and password are required."
	}
	req.UsernameOrEmail, req.Password = *body.UsernameOrEmail, *body.Password
	return req, 0, ""
}

// authenticate returns the active user the request's bearer token was issued
// for, or answers 401 (or 503) and returns nil.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) *userDoc {
	sub, err := s.tokens.verify(bearerToken(r))
	if err == nil {
		var u *userDoc
		u, err = s.userByID(r.Context(), sub)
		if err == nil {
			return u
		}
		if !errors.Is(err, errNoUser) {
			s.unavailable(w, "load user", err)
			return nil
		}
	}
	w.Header().Set("WWW-Authenticate", "Bearer")
	writeError(w, http.StatusUnauthorized, detailBadToken)
	return nil
}

// handleMe answers the signed-in user, re-read from the database.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	if u := s.authenticate(w, r); u != nil {
		writeJSON(w, http.StatusOK, u.response())
	}
}

// handleLogout answers the platform's logout message. Tokens are stateless,
// so nothing is revoked (the client discards its token); like the platform,
// it requires a valid token, so it also tells the client whether its
// session was still good.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if u := s.authenticate(w, r); u != nil {
		writeJSON(w, http.StatusOK, platform.LogoutResponse{Message: "Successfully logged out", Success: true})
	}
}

// handleUsageStats answers the signed-in user's usage in the optional
// period [period_start, period_end] with the platform's semantics.
func (s *Server) handleUsageStats(w http.ResponseWriter, r *http.Request) {
	u := s.authenticate(w, r)
	if u == nil {
		return
	}
	q := r.URL.Query()
	var period backend.Period
	for _, p := range []struct {
		name string
		dst  **time.Time
	}{{"period_start", &period.Start}, {"period_end", &period.End}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		t, err := parseISOTime(v)
		if err != nil {
			writeError(w, http.StatusBadRequest, strings.Replace(detailBadPeriodTmpl, "%s", p.name, 1))
			return
		}
		*p.dst = &t
	}
	// Like the platform, an end before the start is not an error: it
	// simply matches no logs.
	period.Preset, period.Label, period.TimeZone = "custom", "Custom period", "UTC"
	report, err := s.reports.get(r.Context(), u.ID, u.Username, period)
	if errors.Is(err, errBusy) {
		s.log.Warn("usage-stats refused: no computation slot before the deadline")
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, detailBusy)
		return
	}
	if err != nil {
		s.unavailable(w, "compute usage", err)
		return
	}
	writeJSON(w, http.StatusOK, platform.StatsFromReport(report))
}

// unavailable answers 503 for a database failure, logging the cause
// without secrets: backend errors carry safe messages, and neither they nor
// driver errors contain the connection string.
func (s *Server) unavailable(w http.ResponseWriter, what string, err error) {
	msg := err.Error()
	var be *backend.Error
	if errors.As(err, &be) {
		msg = be.Message
	}
	s.log.Error("request failed", slog.String("step", what), slog.String("code", backend.ErrorCode(err)),
		slog.String("err", msg))
	writeError(w, http.StatusServiceUnavailable, detailUnavailable)
}
