package usage

import (
	"fmt"
	"time"

	"usagedash/backend"
	"usagedash/backend/textsafe"
)

// Instance is what the aggregation knows about one instance before the scan:
// the fields of its instances document that breakdowns attribute logs by.
// Empty strings are missing or null fields.
type Instance struct {
	ID         string
	UserID     string
	WorkflowID string
	Model      string
	Mode       string
}

// Inputs configure an Aggregator.
type Inputs struct {
	// Period is the report's period: its Bucket, time zone and bounds give
	// the buckets of the report's Series.
	Period backend.Period
	// Location is the time zone of the series' buckets; nil is Period's zone
	// (UTC when it has none).
	Location *time.Location
	// Instances are the instances logs are attributed to. Logs of any other
	// instance (deleted ones) are counted with no model, mode or user.
	Instances []Instance
	// ByUser asks for the by-user breakdown (the everyone report).
	ByUser bool
	// Pricer prices each log from its tokens and its instance's model, for
	// Report.Pricing and the rows' ComputedUSD; nil prices nothing.
	Pricer backend.Pricer
}

// Aggregator sums log records into the headline totals and every breakdown
// in one pass. Once each row a stream touches exists, Add allocates nothing:
// instances are looked up by the raw instance_id bytes, days by number.
// An Aggregator is not safe for concurrent use.
type Aggregator struct {
	total     Totals
	byUser    bool
	instances map[string]*instanceInfo
	last      *instanceInfo
	pricing   pricingState

	models, workflows, byInstance, modes, users group
	series                                      seriesGroup

	// err is why a log was refused; once set, Add counts nothing more.
	err error
}

// instanceInfo holds an instance's attributes and the rows its logs go to.
type instanceInfo struct {
	id, workflowID, mode string
	known                bool
	self, model, user    *Totals
	workflow, modeRow    *Totals
	instancePricing
}

// group is one breakdown: a row of totals per key.
type group map[string]*Totals

// row returns key's row, creating it on first use. Looking up string(key)
// does not allocate; only a new row copies the key.
func (g group) row(key []byte) *Totals {
	if r, ok := g[string(key)]; ok {
		return r
	}
	return g.rowString(string(key))
}

func (g group) rowString(key string) *Totals {
	r := g[key]
	if r == nil {
		r = new(Totals)
		g[key] = r
	}
	return r
}

// NewAggregator returns an empty aggregation over in's instances.
func NewAggregator(in Inputs) *Aggregator {
	a := &Aggregator{
		byUser:     in.ByUser,
		instances:  make(map[string]*instanceInfo, len(in.Instances)),
		pricing:    newPricingState(in.Pricer),
		models:     group{},
		workflows:  group{},
		byInstance: group{},
		modes:      group{},
		users:      group{},
		series:     newSeriesGroup(in.Period, in.Location),
	}
	for _, i := range in.Instances {
		if i.ID == "" {
			continue // matches no log's instance_id
		}
		a.instances[i.ID] = &instanceInfo{id: i.ID, workflowID: i.WorkflowID, mode: i.Mode, known: true,
			self: a.byInstance.rowString(i.ID), model: a.models.rowString(i.Model),
			workflow: a.workflows.rowString(i.WorkflowID), modeRow: a.modes.rowString(i.Mode),
			user: a.userRow(i.UserID), instancePricing: a.pricing.forModel(i.Model)}
	}
	return a
}

func (a *Aggregator) userRow(userID string) *Totals {
	if !a.byUser {
		return nil
	}
	return a.users.rowString(userID)
}

// Add counts one log record in the totals and in each breakdown. The log's
// workflow_id and claude_mode win over its instance's when set. With a
// Pricer, the log is first priced once (as one request of its instance's
// model) and every row it goes to adds that price. A log with a negative or
// absurd figure (see MaxCount, MaxCostUSD), or one whose figures would
// overflow the sums, is refused: Add then counts nothing more and Apply
// returns the reason.
func (a *Aggregator) Add(r *LogRecord) {
	if a.err != nil {
		return
	}
	if err := checkRecord(r); err != nil {
		a.err = fmt.Errorf("a log of instance %q cannot be counted: %w", textsafe.Cut(string(r.InstanceID), 64), err)
		return
	}
	if !a.total.room(r) {
		a.err = fmt.Errorf("the logs add up to more tokens or dollars than any real usage")
		return
	}
	in := a.instance(r.InstanceID, r.WorkflowID)
	a.pricing.price(&in.instancePricing, r)
	a.total.Add(r)
	in.self.Add(r)
	in.model.Add(r)
	if in.user != nil {
		in.user.Add(r)
	}
	if len(r.WorkflowID) == 0 || string(r.WorkflowID) == in.workflowID {
		in.workflow.Add(r)
	} else {
		a.workflows.row(r.WorkflowID).Add(r)
	}
	if len(r.Mode) == 0 || string(r.Mode) == in.mode {
		in.modeRow.Add(r)
	} else {
		a.modes.row(r.Mode).Add(r)
	}
	a.series.row(r.Timestamp).Add(r)
}

// instance finds the instance a log belongs to, remembering the last one
// (a find on the {instance_id, timestamp} index returns logs grouped by
// instance). An instance seen for the first time (deleted, or not the
// user's) is recorded with the log's workflow and no model, mode or user.
func (a *Aggregator) instance(id, workflowID []byte) *instanceInfo {
	if a.last != nil && string(id) == a.last.id {
		return a.last
	}
	in, ok := a.instances[string(id)]
	if !ok {
		in = &instanceInfo{id: string(id), workflowID: string(workflowID),
			self: a.byInstance.rowString(string(id)), model: a.models.rowString(""),
			workflow: a.workflows.rowString(string(workflowID)), modeRow: a.modes.rowString(""),
			user: a.userRow(""), instancePricing: a.pricing.forModel("")}
		a.instances[in.id] = in
	}
	a.last = in
	return in
}

// Totals returns the headline totals so far.
func (a *Aggregator) Totals() Totals { return a.total }

// WorkflowIDs lists the workflows the breakdowns name: those logs were
// counted under and those of the instances that had logs. A source looks up
// their names for Labels.
func (a *Aggregator) WorkflowIDs() []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for id, r := range a.workflows {
		if r.Logs > 0 {
			add(id)
		}
	}
	for _, in := range a.instances {
		if in.self.Logs > 0 {
			add(in.workflowID)
		}
	}
	return ids
}

// Err returns why a log was refused (see Add), or nil.
func (a *Aggregator) Err() error { return a.err }

// Apply writes the totals into r's headline fields, the breakdowns into
// r.Breakdowns, labelled with labels, and the usage over time into r.Series
// (or, when it cannot be built, the reason into r.SeriesNote). When a log
// was refused, it writes nothing and returns an EBADDATA error saying why.
func (a *Aggregator) Apply(r *backend.Report, labels Labels) error {
	if a.err != nil {
		return backend.WrapError(a.err, backend.EBADDATA, "The usage cannot be added up: "+textsafe.Quote(a.err.Error())+".")
	}
	a.resolveCacheTTL()
	a.total.Apply(r)
	r.Breakdowns = a.Breakdowns(labels)
	a.series.apply(r)
	a.applyPricing(r)
	return nil
}
