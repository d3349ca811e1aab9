package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"strings"
	"time"

	"usagedash/backend"
	"usagedash/backend/textsafe"
	"usagedash/backend/usage"
)

// Decoding 2xx answers. Each answer is first read as a JSON object of raw
// values, so a missing field can be told from a zero one; then every known
// field is decoded on its own, so an error names the field. Unknown fields are
// ignored (the platform may add some). Text is cleaned of control characters
// (textsafe.Clean) as it is decoded, so escape codes a platform sends never
// reach a terminal or the history; numbers beyond any real usage
// (usage.CheckCount, usage.CheckCost) are refused.

// offContract is the error for an answer that breaks the contract; what says
// which part, e.g. "total_tokens is missing". It never quotes the body.
func offContract(what string) error {
	return backend.WrapError(ErrOffContract, backend.EBADDATA,
		fmt.Sprintf("The platform answered something usagedash does not understand (%s).", what))
}

// field is one member of a JSON object: dst is a pointer to its Go value.
type field struct {
	name     string
	dst      any
	required bool
}

// parseObject checks the content type and splits body into its members.
func parseObject(body []byte, contentType string) (map[string]json.RawMessage, error) {
	mt, _, _ := mime.ParseMediaType(contentType)
	trimmed := bytes.TrimSpace(body)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml" || (mt == "" && bytes.HasPrefix(trimmed, []byte("<"))):
		return nil, backend.WrapError(ErrNotPlatformAPI, backend.EBADDATA,
			"The platform address answered with a web page instead of the platform's API. Check the platform address.")
	case mt != "" && mt != "application/json" && !strings.HasSuffix(mt, "+json"):
		if len(mt) > 60 {
			mt = "of another type"
		}
		return nil, offContract("the answer is " + mt + ", not JSON")
	case len(trimmed) == 0:
		return nil, offContract("the answer is empty")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &obj); err != nil || obj == nil {
		if trimmed[0] != '{' || err == nil {
			return nil, offContract("the answer is not a JSON object")
		}
		return nil, offContract("the JSON is malformed or cut short")
	}
	return obj, nil
}

// decodeFields decodes the members of obj named in fields; prefix names the
// object in messages ("" for the top level, "token_breakdown." for a member).
func decodeFields(obj map[string]json.RawMessage, prefix string, fields []field) error {
	for _, f := range fields {
		raw, ok := obj[f.name]
		isNull := ok && bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
		if !ok || isNull {
			if f.required {
				return offContract(prefix + f.name + " is missing")
			}
			continue
		}
		var err error
		switch dst := f.dst.(type) {
		case *string:
			if err = json.Unmarshal(raw, dst); err == nil {
				*dst = textsafe.Clean(*dst)
			}
		case **string:
			if err = json.Unmarshal(raw, dst); err == nil && *dst != nil {
				clean := textsafe.Clean(**dst)
				*dst = &clean
			}
		case **time.Time:
			var t time.Time
			if t, err = parseTime(raw); err == nil {
				*dst = &t
			}
		case *map[string]json.RawMessage:
			err = json.Unmarshal(raw, dst)
			if err == nil && *dst == nil {
				err = fmt.Errorf("not an object")
			}
		default:
			err = json.Unmarshal(raw, dst)
		}
		if err != nil {
			return offContract(prefix + f.name + " is not " + kind(f.dst))
		}
		if err := checkNumber(prefix+f.name, f.dst); err != nil {
			return err
		}
	}
	return nil
}

// checkNumber refuses a count or an amount no real usage reaches.
func checkNumber(name string, dst any) error {
	var err error
	switch n := dst.(type) {
	case *int64:
		err = usage.CheckCount(name, *n)
	case *float64:
		err = usage.CheckCost(name, *n)
	}
	if err != nil {
		return offContract(err.Error())
	}
	return nil
}

// kind describes what a field must hold, for messages.
func kind(dst any) string {
	switch dst.(type) {
	case *string, **string:
		return "text"
	case *int64:
		return "a whole number"
	case *float64:
		return "a number"
	case *bool:
		return "true or false"
	case **time.Time:
		return "a date and time"
	default:
		return "an object"
	}
}

// parseTime reads an ISO 8601 date-time; one without an offset (as Python's
// isoformat writes naive datetimes) is taken as UTC, the platform's zone.
func parseTime(raw json.RawMessage) (time.Time, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, err
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.ParseInLocation("2006-01-02T15:04:05.999999999", s, time.UTC)
}

// decodeUsageStats decodes a 200 answer of GET /api/auth/usage-stats. Every
// count and token_breakdown with its five counts are required and must be
// neither negative nor absurd; user_id and username must not be empty.
func decodeUsageStats(body []byte, contentType string) (*UserUsageStats, error) {
	obj, err := parseObject(body, contentType)
	if err != nil {
		return nil, err
	}
	var s UserUsageStats
	var tb map[string]json.RawMessage
	top := []field{
		{"user_id", &s.UserID, true}, {"username", &s.Username, true},
		{"total_workflows", &s.TotalWorkflows, true}, {"total_instances", &s.TotalInstances, true},
		{"total_tokens", &s.TotalTokens, true}, {"total_input_tokens", &s.TotalInputTokens, true},
		{"total_output_tokens", &s.TotalOutputTokens, true},
		{"total_cache_creation_tokens", &s.TotalCacheCreationTokens, true},
		{"total_cache_read_tokens", &s.TotalCacheReadTokens, true},
		{"total_cost_usd", &s.TotalCostUSD, true}, {"total_execution_time_ms", &s.TotalExecutionTimeMS, true},
		{"period_start", &s.PeriodStart, false}, {"period_end", &s.PeriodEnd, false},
		{"token_breakdown", &tb, true},
	}
	if err := decodeFields(obj, "", top); err != nil {
		return nil, err
	}
	b := &s.TokenBreakdown
	breakdown := []field{
		{"input_tokens", &b.InputTokens, true}, {"output_tokens", &b.OutputTokens, true},
		{"cache_creation_input_tokens", &b.CacheCreationInputTokens, true},
		{"cache_read_input_tokens", &b.CacheReadInputTokens, true}, {"total_tokens", &b.TotalTokens, true},
	}
	if err := decodeFields(tb, "token_breakdown.", breakdown); err != nil {
		return nil, err
	}
	switch {
	case s.UserID == "":
		return nil, offContract("user_id is empty")
	case s.Username == "":
		return nil, offContract("username is empty")
	}
	return &s, nil
}

// userFields lists a UserResponse's members; id and username are required.
func userFields(u *UserResponse) []field {
	return []field{
		{"id", &u.ID, true}, {"username", &u.Username, true}, {"email", &u.Email, false},
		{"full_name", &u.FullName, false}, {"is_active", &u.IsActive, false}, {"is_admin", &u.IsAdmin, false},
		{"created_at", &u.CreatedAt, false}, {"last_login", &u.LastLogin, false},
	}
}

// decodeUserObject decodes a UserResponse object and checks its id and username.
func decodeUserObject(obj map[string]json.RawMessage, prefix string) (*UserResponse, error) {
	var u UserResponse
	if err := decodeFields(obj, prefix, userFields(&u)); err != nil {
		return nil, err
	}
	if u.ID == "" {
		return nil, offContract(prefix + "id is empty")
	}
	if u.Username == "" {
		return nil, offContract(prefix + "username is empty")
	}
	return &u, nil
}

// decodeUser decodes a 200 answer of GET /api/auth/me.
func decodeUser(body []byte, contentType string) (*UserResponse, error) {
	obj, err := parseObject(body, contentType)
	if err != nil {
		return nil, err
	}
	return decodeUserObject(obj, "")
}

// decodeLogin decodes a 200 answer of POST /api/auth/login: access_token
// (not empty) and user with its id and username are required.
func decodeLogin(body []byte, contentType string) (*LoginResponse, error) {
	obj, err := parseObject(body, contentType)
	if err != nil {
		return nil, err
	}
	var r LoginResponse
	var user map[string]json.RawMessage
	if err := decodeFields(obj, "", []field{
		{"access_token", &r.AccessToken, true}, {"token_type", &r.TokenType, false}, {"user", &user, true},
	}); err != nil {
		return nil, err
	}
	if r.AccessToken == "" {
		return nil, offContract("access_token is empty")
	}
	if r.TokenType != "" && !strings.EqualFold(r.TokenType, "bearer") {
		return nil, offContract("token_type is not bearer")
	}
	u, err := decodeUserObject(user, "user.")
	if err != nil {
		return nil, err
	}
	r.User = *u
	return &r, nil
}
