package mongodb

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"

	"usagedash/backend/usage"
)

var errMalformed = errors.New("malformed BSON document")

// decodeLog fills rec from one raw log document, walking its elements once
// without building maps or allocating: rec's string fields alias doc. Unknown fields are skipped; missing, null or
// non-numeric counters are zero, as the platform's $sum treats them.
func decodeLog(doc bsoncore.Document, rec *usage.LogRecord) error {
	*rec = usage.LogRecord{}
	return eachElement(doc, func(key []byte, v bsoncore.Value) {
		switch string(key) {
		case "instance_id":
			rec.InstanceID = stringBytes(v)
		case "workflow_id":
			rec.WorkflowID = stringBytes(v)
		case "claude_mode":
			rec.Mode = stringBytes(v)
		case "timestamp":
			if ms, ok := v.DateTimeOK(); ok {
				rec.Timestamp = time.UnixMilli(ms).UTC()
			}
		case "tokens_used":
			rec.TokensUsed = intValue(v)
		case "total_cost_usd":
			rec.CostUSD, rec.HasCost = numberValue(v)
		case "execution_time_ms":
			rec.ExecutionTimeMS = intValue(v)
		case "token_usage":
			if sub, ok := v.DocumentOK(); ok {
				rec.HasTokenUsage = true
				_ = eachElement(sub, func(k []byte, tv bsoncore.Value) {
					switch string(k) {
					case "input_tokens":
						rec.InputTokens = intValue(tv)
					case "output_tokens":
						rec.OutputTokens = intValue(tv)
					case "cache_creation_input_tokens":
						rec.CacheCreationTokens = intValue(tv)
					case "cache_read_input_tokens":
						rec.CacheReadTokens = intValue(tv)
					}
				})
			}
		}
	})
}

// eachElement calls fn for each top-level element of doc.
func eachElement(doc bsoncore.Document, fn func(key []byte, v bsoncore.Value)) error {
	length, rem, ok := bsoncore.ReadLength(doc)
	if !ok || int(length) > len(doc) || length < 5 {
		return errMalformed
	}
	rem = rem[:length-5] // drop the length prefix (already read) and the trailing NUL
	for len(rem) > 0 {
		elem, rest, ok := bsoncore.ReadElement(rem)
		if !ok {
			return errMalformed
		}
		key, err := elem.KeyBytesErr()
		if err != nil {
			return errMalformed
		}
		v, err := elem.ValueErr()
		if err != nil {
			return errMalformed
		}
		fn(key, v)
		rem = rest
	}
	return nil
}

// stringBytes returns a BSON string's bytes (aliasing v), or nil for any
// other type.
func stringBytes(v bsoncore.Value) []byte {
	if v.Type != bson.TypeString || len(v.Data) < 5 {
		return nil
	}
	n := int(int32(binary.LittleEndian.Uint32(v.Data)))
	if n < 1 || 4+n != len(v.Data) {
		return nil
	}
	return v.Data[4 : 4+n-1]
}

// intValue reads a BSON number as an integer; other types count 0.
func intValue(v bsoncore.Value) int64 {
	switch v.Type {
	case bson.TypeInt32:
		return int64(v.Int32())
	case bson.TypeInt64:
		return v.Int64()
	case bson.TypeDouble:
		f := v.Double()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0
		}
		return int64(math.Round(f))
	}
	return 0
}

// numberValue reads a BSON number as a float and reports whether v is a
// finite number; other types (null included), NaN and infinities give 0, false.
func numberValue(v bsoncore.Value) (float64, bool) {
	switch v.Type {
	case bson.TypeDouble:
		f := v.Double()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	case bson.TypeInt32:
		return float64(v.Int32()), true
	case bson.TypeInt64:
		return float64(v.Int64()), true
	}
	return 0, false
}
