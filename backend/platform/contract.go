// Package platform speaks the agent-workflow platform's HTTP API: the
// contract types shared by the client and the reference server, and the
// client itself.
package platform

import (
	"time"

	"usagedash/backend"
)

// API paths of the platform.
const (
	PathLogin      = "/api/auth/login"
	PathMe         = "/api/auth/me"
	PathLogout     = "/api/auth/logout"
	PathUsageStats = "/api/auth/usage-stats"
)

// LoginRequest is the body of POST /api/auth/login.
type LoginRequest struct {
	UsernameOrEmail string `json:"username_or_email"`
	Password        string `json:"password"`
}

// LoginResponse is the 200 answer to a login.
type LoginResponse struct {
	AccessToken string       `json:"access_token"`
	TokenType   string       `json:"token_type"`
	User        UserResponse `json:"user"`
}

// UserResponse is the platform's view of a user (GET /api/auth/me).
type UserResponse struct {
	ID        string  `json:"id"`
	Username  string  `json:"username"`
	Email     string  `json:"email"`
	FullName  *string `json:"full_name"`
	IsActive  bool    `json:"is_active"`
	IsAdmin   bool    `json:"is_admin"`
	CreatedAt string  `json:"created_at"`
	LastLogin *string `json:"last_login"`
}

// LogoutResponse is the answer to POST /api/auth/logout.
type LogoutResponse struct {
	Message string `json:"message"`
	Success bool   `json:"success"`
}

// ErrorResponse is the body of every platform error.
type ErrorResponse struct {
	Detail string `json:"detail"`
}

// UserUsageStats is the 200 answer of GET /api/auth/usage-stats: exactly the
// platform's fields, which backend.Report shares by JSON name.
type UserUsageStats struct {
	UserID                   string                 `json:"user_id"`
	Username                 string                 `json:"username"`
	TotalWorkflows           int64                  `json:"total_workflows"`
	TotalInstances           int64                  `json:"total_instances"`
	TotalTokens              int64                  `json:"total_tokens"`
	TotalInputTokens         int64                  `json:"total_input_tokens"`
	TotalOutputTokens        int64                  `json:"total_output_tokens"`
	TotalCacheCreationTokens int64                  `json:"total_cache_creation_tokens"`
	TotalCacheReadTokens     int64                  `json:"total_cache_read_tokens"`
	TotalCostUSD             float64                `json:"total_cost_usd"`
	TotalExecutionTimeMS     int64                  `json:"total_execution_time_ms"`
	PeriodStart              *time.Time             `json:"period_start"`
	PeriodEnd                *time.Time             `json:"period_end"`
	TokenBreakdown           backend.TokenBreakdown `json:"token_breakdown"`
}

// StatsFromReport takes the platform's fields of r.
func StatsFromReport(r *backend.Report) UserUsageStats {
	return UserUsageStats{
		UserID: r.UserID, Username: r.Username, TotalWorkflows: r.TotalWorkflows, TotalInstances: r.TotalInstances,
		TotalTokens: r.TotalTokens, TotalInputTokens: r.TotalInputTokens, TotalOutputTokens: r.TotalOutputTokens,
		TotalCacheCreationTokens: r.TotalCacheCreationTokens, TotalCacheReadTokens: r.TotalCacheReadTokens,
		TotalCostUSD: r.TotalCostUSD, TotalExecutionTimeMS: r.TotalExecutionTimeMS,
		PeriodStart: r.PeriodStart, PeriodEnd: r.PeriodEnd, TokenBreakdown: r.TokenBreakdown,
	}
}

// Report turns the platform's stats into a report (Derived filled in);
// the caller sets Source, Period and GeneratedAt.
func (s UserUsageStats) Report() *backend.Report {
	r := &backend.Report{
		UserID: s.UserID, Username: s.Username, TotalWorkflows: s.TotalWorkflows, TotalInstances: s.TotalInstances,
		TotalTokens: s.TotalTokens, TotalInputTokens: s.TotalInputTokens, TotalOutputTokens: s.TotalOutputTokens,
		TotalCacheCreationTokens: s.TotalCacheCreationTokens, TotalCacheReadTokens: s.TotalCacheReadTokens,
		TotalCostUSD: s.TotalCostUSD, TotalExecutionTimeMS: s.TotalExecutionTimeMS,
		PeriodStart: s.PeriodStart, PeriodEnd: s.PeriodEnd, TokenBreakdown: s.TokenBreakdown,
	}
	r.Derive()
	return r
}
