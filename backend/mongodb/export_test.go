package mongodb

import "time"

// SetScanKnobs sets the log batch size, a hook called after each aggregated
// log, and the retry probe's timeout, for one test; restore undoes it.
func SetScanKnobs(batch int32, hook func(read int64), probe time.Duration) (restore func()) {
	oldBatch, oldHook, oldProbe := logBatchSize, afterLog, probeTimeout
	logBatchSize, afterLog, probeTimeout = batch, hook, probe
	return func() { logBatchSize, afterLog, probeTimeout = oldBatch, oldHook, oldProbe }
}
