package server

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"golang.org/x/crypto/bcrypt"

	"usagedash/backend/platform"
)

// userDoc is the part of a platform user document the server reads. The
// dates are read raw so that odd legacy values never fail a request.
type userDoc struct {
	ID             string        `bson:"id"`
	Username       string        `bson:"username"`
	Email          string        `bson:"email"`
	HashedPassword string        `bson:"hashed_password"`
	FullName       *string       `bson:"full_name"`
	IsActive       bool          `bson:"is_active"`
	IsAdmin        bool          `bson:"is_admin"`
	CreatedAt      bson.RawValue `bson:"created_at"`
	LastLogin      bson.RawValue `bson:"last_login"`
}

// errNoUser means no active user matched.
var errNoUser = errors.New("no such active user")

// userFields are the fields read for /me and usage-stats (no password hash).
var userFields = bson.D{
	{Key: "_id", Value: 0}, {Key: "id", Value: 1}, {Key: "username", Value: 1}, {Key: "email", Value: 1},
	{Key: "full_name", Value: 1}, {Key: "is_active", Value: 1}, {Key: "is_admin", Value: 1},
	{Key: "created_at", Value: 1}, {Key: "last_login", Value: 1},
}

// loginFields are userFields and the password hash, for sign-in.
var loginFields = append(bson.D{{Key: "hashed_password", Value: 1}}, userFields...)

// userByLogin finds the active user whose username or email is account,
// hash included. An exact username match wins over an email match (one
// account's username may be another's email), so the same person always
// gets the same account; among several accounts with that email, the one
// with the smallest platform id.
func (s *Server) userByLogin(ctx context.Context, account string) (*userDoc, error) {
	for _, field := range []string{"username", "email"} {
		filter := bson.D{{Key: field, Value: account}, {Key: "is_active", Value: true}}
		u, err := s.findUser(ctx, filter, loginFields)
		if !errors.Is(err, errNoUser) {
			return u, err
		}
	}
	return nil, errNoUser
}

// learnHashCost sets the dummy hash's cost from a stored hash, so that the
// first sign-ins to unknown accounts already cost what real ones do.
func (s *Server) learnHashCost(ctx context.Context) {
	var u struct {
		Hash string `bson:"hashed_password"`
	}
	err := s.src.Database().Collection("users").FindOne(ctx, bson.D{{Key: "is_active", Value: true}},
		options.FindOne().SetProjection(bson.D{{Key: "_id", Value: 0}, {Key: "hashed_password", Value: 1}})).Decode(&u)
	if err != nil {
		return
	}
	if cost, err := bcrypt.Cost([]byte(u.Hash)); err == nil {
		s.hashes.observe(cost)
	}
}

// userByID finds the active user with the platform id id.
func (s *Server) userByID(ctx context.Context, id string) (*userDoc, error) {
	filter := bson.D{{Key: "id", Value: id}, {Key: "is_active", Value: true}}
	return s.findUser(ctx, filter, userFields)
}

func (s *Server) findUser(ctx context.Context, filter, proj bson.D) (*userDoc, error) {
	var u userDoc
	err := s.src.Database().Collection("users").
		FindOne(ctx, filter, options.FindOne().SetProjection(proj).SetSort(bson.D{{Key: "id", Value: 1}})).Decode(&u)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, errNoUser
	}
	if err != nil {
		return nil, err
	}
	if u.ID == "" || !u.IsActive {
		return nil, errNoUser
	}
	return &u, nil
}

// response is the platform's UserResponse of u.
func (u *userDoc) response() platform.UserResponse {
	created := isoDate(u.CreatedAt)
	r := platform.UserResponse{
		ID: u.ID, Username: u.Username, Email: u.Email, FullName: u.FullName,
		IsActive: u.IsActive, IsAdmin: u.IsAdmin,
	}
	if created != nil {
		r.CreatedAt = *created
	}
	r.LastLogin = isoDate(u.LastLogin)
	return r
}

// isoDate formats a stored date as ISO 8601 in UTC with milliseconds
// ("2026-03-15T14:30:00.000Z"), passes strings through, and returns nil for
// null, missing or other values.
func isoDate(v bson.RawValue) *string {
	switch v.Type {
	case bson.TypeDateTime:
		s := platform.FormatTime(time.UnixMilli(v.DateTime()))
		return &s
	case bson.TypeString:
		s := v.StringValue()
		return &s
	default:
		return nil
	}
}
