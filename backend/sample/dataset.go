// Package sample generates realistic platform data in the platform's exact
// MongoDB schema (legacy shapes included) and loads it into a database. The
// sample platform of `make run` and the tests share it.
package sample

import (
	"time"

	"go.mongodb.org/mongo-driver/bson"
)

// Dataset is a whole platform database: users, workflows, instances, logs.
type Dataset struct {
	Users     []User
	Workflows []Workflow
	Instances []Instance
	Logs      []Log
}

// User is a platform user. Password is the plain demo password, kept only in
// memory so the sample can print it; the document stores its bcrypt hash.
type User struct {
	ID             string
	Username       string
	Email          string
	Password       string
	HashedPassword string
	FullName       *string
	IsActive       bool
	IsAdmin        bool
	CreatedAt      time.Time
}

// Workflow is a platform workflow; UserID nil is a legacy workflow.
type Workflow struct {
	ID        string
	UserID    *string
	Name      string
	GitRepo   string
	CreatedAt time.Time
}

// Instance is one Claude Code instance; UserID nil is a legacy instance,
// Model and Mode nil are older records.
type Instance struct {
	ID         string
	UserID     *string
	WorkflowID string
	Status     string
	Model      *string
	Mode       *string
	CreatedAt  time.Time
	Archived   bool
}

// TokenUsage is a log's token_usage object. A nil counter is a missing field.
type TokenUsage struct {
	Input, Output, CacheCreation, CacheRead *int64
	Total                                   int64
}

// Log is one platform log line. Nil pointers are missing fields; the *Null
// flags write an explicit null instead.
type Log struct {
	ID              string
	InstanceID      string
	WorkflowID      string
	Timestamp       time.Time
	Type            string
	TokenUsage      *TokenUsage
	TokenUsageNull  bool
	TokensUsed      *int64
	CostUSD         *float64
	CostNull        bool
	ExecutionTimeMS *int64
	Mode            *string
	Content         string
}

// Document returns the user as the platform stores it.
func (u User) Document() bson.D {
	return bson.D{
		{Key: "id", Value: u.ID}, {Key: "username", Value: u.Username}, {Key: "email", Value: u.Email},
		{Key: "hashed_password", Value: u.HashedPassword}, {Key: "full_name", Value: u.FullName},
		{Key: "is_active", Value: u.IsActive}, {Key: "is_admin", Value: u.IsAdmin},
		{Key: "created_at", Value: u.CreatedAt}, {Key: "updated_at", Value: u.CreatedAt}, {Key: "last_login", Value: nil},
	}
}

// Document returns the workflow as the platform stores it.
func (w Workflow) Document() bson.D {
	d := bson.D{{Key: "id", Value: w.ID}}
	if w.UserID != nil {
		d = append(d, bson.E{Key: "user_id", Value: *w.UserID})
	}
	return append(d, bson.E{Key: "name", Value: w.Name}, bson.E{Key: "git_repo", Value: w.GitRepo},
		bson.E{Key: "created_at", Value: w.CreatedAt})
}

// Document returns the instance as the platform stores it.
func (i Instance) Document() bson.D {
	d := bson.D{{Key: "id", Value: i.ID}}
	if i.UserID != nil {
		d = append(d, bson.E{Key: "user_id", Value: *i.UserID})
	}
	d = append(d, bson.E{Key: "workflow_id", Value: i.WorkflowID}, bson.E{Key: "status", Value: i.Status})
	if i.Model != nil {
		d = append(d, bson.E{Key: "model", Value: *i.Model})
	}
	return append(d, bson.E{Key: "claude_mode", Value: i.Mode},
		bson.E{Key: "created_at", Value: i.CreatedAt}, bson.E{Key: "archived", Value: i.Archived})
}

// Document returns the log as the platform stores it.
func (l Log) Document() bson.D {
	d := bson.D{
		{Key: "id", Value: l.ID}, {Key: "instance_id", Value: l.InstanceID}, {Key: "workflow_id", Value: l.WorkflowID},
		{Key: "timestamp", Value: l.Timestamp}, {Key: "type", Value: l.Type}, {Key: "content", Value: l.Content},
	}
	switch {
	case l.TokenUsage != nil:
		tu := bson.D{}
		for _, f := range []struct {
			key string
			v   *int64
		}{
			{"input_tokens", l.TokenUsage.Input}, {"output_tokens", l.TokenUsage.Output},
			{"cache_creation_input_tokens", l.TokenUsage.CacheCreation}, {"cache_read_input_tokens", l.TokenUsage.CacheRead},
		} {
			if f.v != nil {
				tu = append(tu, bson.E{Key: f.key, Value: *f.v})
			}
		}
		d = append(d, bson.E{Key: "token_usage", Value: append(tu, bson.E{Key: "total_tokens", Value: l.TokenUsage.Total})})
	case l.TokenUsageNull:
		d = append(d, bson.E{Key: "token_usage", Value: nil})
	}
	if l.TokensUsed != nil {
		d = append(d, bson.E{Key: "tokens_used", Value: *l.TokensUsed})
	}
	switch {
	case l.CostUSD != nil:
		d = append(d, bson.E{Key: "total_cost_usd", Value: *l.CostUSD})
	case l.CostNull:
		d = append(d, bson.E{Key: "total_cost_usd", Value: nil})
	}
	if l.ExecutionTimeMS != nil {
		d = append(d, bson.E{Key: "execution_time_ms", Value: *l.ExecutionTimeMS})
	}
	if l.Mode != nil {
		d = append(d, bson.E{Key: "claude_mode", Value: *l.Mode})
	}
	return d
}
