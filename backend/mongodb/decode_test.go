package mongodb

import (
	"math"
	"reflect"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"usagedash/backend/usage"
)

func TestDecodeLogNumberTypesAndLegacyShapes(t *testing.T) {
	ts := time.Date(2026, 1, 2, 3, 4, 5, 6e6, time.UTC)
	cases := []struct {
		name string
		doc  bson.D
		want usage.LogRecord
	}{
		{"int32 and int64 and double", bson.D{
			{Key: "instance_id", Value: "i1"}, {Key: "workflow_id", Value: "w1"}, {Key: "claude_mode", Value: "max-plan"}, {Key: "timestamp", Value: ts},
			{Key: "token_usage", Value: bson.D{{Key: "input_tokens", Value: int32(10)}, {Key: "output_tokens", Value: int64(20)},
				{Key: "cache_creation_input_tokens", Value: 30.0}, {Key: "cache_read_input_tokens", Value: int32(40)}, {Key: "total_tokens", Value: 999}}},
			{Key: "total_cost_usd", Value: int32(2)}, {Key: "execution_time_ms", Value: 1500.4},
		}, usage.LogRecord{InstanceID: []byte("i1"), WorkflowID: []byte("w1"), Mode: []byte("max-plan"), Timestamp: ts, HasTokenUsage: true, InputTokens: 10, OutputTokens: 20,
			CacheCreationTokens: 30, CacheReadTokens: 40, CostUSD: 2, HasCost: true, ExecutionTimeMS: 1500}},
		{"a reported cost of zero is a cost", bson.D{{Key: "total_cost_usd", Value: 0.0}}, usage.LogRecord{HasCost: true}},
		{"a cost of the wrong type is none", bson.D{{Key: "total_cost_usd", Value: "0.5"}}, usage.LogRecord{}},
		{"legacy tokens_used only", bson.D{{Key: "instance_id", Value: "i2"}, {Key: "tokens_used", Value: int64(1234)}, {Key: "total_cost_usd", Value: nil}},
			usage.LogRecord{InstanceID: []byte("i2"), TokensUsed: 1234}},
		{"nulls and wrong types count zero", bson.D{{Key: "token_usage", Value: nil}, {Key: "instance_id", Value: 12}, {Key: "claude_mode", Value: nil}, {Key: "tokens_used", Value: "12"},
			{Key: "total_cost_usd", Value: math.NaN()}, {Key: "execution_time_ms", Value: true}},
			usage.LogRecord{}},
		{"partial token_usage", bson.D{{Key: "token_usage", Value: bson.D{{Key: "input_tokens", Value: 5}}}},
			usage.LogRecord{HasTokenUsage: true, InputTokens: 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw, err := bson.Marshal(c.doc)
			if err != nil {
				t.Fatal(err)
			}
			var got usage.LogRecord
			got.CostUSD = 77 // must be reset
			if err := decodeLog(raw, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(comparable(got), comparable(c.want)) {
				t.Fatalf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// record is a LogRecord with strings for its byte fields, so that nil and
// empty slices compare equal.
type record struct {
	usage.LogRecord
	InstanceID, WorkflowID, Mode string
}

func comparable(r usage.LogRecord) record {
	c := record{LogRecord: r, InstanceID: string(r.InstanceID), WorkflowID: string(r.WorkflowID), Mode: string(r.Mode)}
	c.LogRecord.InstanceID, c.LogRecord.WorkflowID, c.LogRecord.Mode = nil, nil, nil
	return c
}

func TestDecodeLogRejectsTruncatedDocuments(t *testing.T) {
	raw, _ := bson.Marshal(bson.D{{Key: "instance_id", Value: "abc"}, {Key: "tokens_used", Value: 5}})
	for n := 0; n < len(raw); n++ {
		var rec usage.LogRecord
		if err := decodeLog(raw[:n], &rec); err == nil {
			t.Fatalf("a document cut to %d of %d bytes decoded without error", n, len(raw))
		}
	}
}

func FuzzDecodeLog(f *testing.F) {
	raw, _ := bson.Marshal(bson.D{{Key: "instance_id", Value: "abc"}, {Key: "token_usage", Value: bson.D{{Key: "input_tokens", Value: 5}}}})
	f.Add(raw)
	f.Fuzz(func(t *testing.T, data []byte) {
		var rec usage.LogRecord
		_ = decodeLog(data, &rec) // must never panic
	})
}
