// Package metrics holds Lotse's Prometheus metrics. It is a leaf: the runtime
// (bot), the commands and the wiring in cmd/lotse report into a *Metrics,
// which owns its own registry (never the global default one), and Handler
// serves it on /metrics.
//
// Every method is safe on a nil *Metrics (it does nothing), so code and tests
// that do not care about metrics pass nil. Counting is a few atomic adds;
// values that live elsewhere (sync age, inbox length, sender counters) are
// read only when Prometheus scrapes.
package metrics

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Question outcomes (label outcome of lotse_questions_total).
const (
	QuestionConfident = "confident" // a guide was sent
	QuestionChoice    = "choice"    // "Meintest du …?" with candidates
	// QuestionRescuedChoice is a choice offered on weak evidence, where
	// the search alone would have said "no guide fits" (the rescue of
	// commands/answer, Decision.Rescued); not counted as choice, so that
	// the rescue's share can be watched.
	QuestionRescuedChoice = "rescued_choice"
	QuestionNoGuide       = "no_guide" // no guide fits
	// QuestionVague is a message too vague to search ("geht nicht",
	// "Hilfe!"): Lotse asked what exactly does not work. It is no sign of
	// a missing guide, so it is not counted as no_guide.
	QuestionVague = "vague"
)

// Case changes (label change of lotse_cases_total).
const (
	CaseOpened   = "opened"
	CaseClaimed  = "claimed"
	CaseResolved = "resolved"
)

// Metrics is the set of Lotse's metrics on one registry.
type Metrics struct {
	reg *prometheus.Registry

	questions    *prometheus.CounterVec
	cases        *prometheus.CounterVec
	provisioning *prometheus.CounterVec
	reminders    *prometheus.CounterVec
	events       *prometheus.CounterVec
	latency      prometheus.Histogram
	response     prometheus.Histogram
	leader       prometheus.Gauge
}

// New creates the metrics and registers them, plus the Go runtime and
// process collectors, on reg.
func New(reg *prometheus.Registry) *Metrics {
	m := &Metrics{
		reg: reg,
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_questions_total",
			Help: "Questions answered from the guide library, by outcome (confident, choice, rescued_choice, no_guide, vague).",
		}, []string{"outcome"}),
		cases: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_cases_total",
			Help: "Support case changes (opened, claimed, resolved).",
		}, []string{"change"}),
		provisioning: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_provisioning_jobs_total",
			Help: "Finished provisioning jobs (accounts in Nextcloud, BBB …), by outcome.",
		}, []string{"outcome"}),
		reminders: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_reminders_sent_total",
			Help: "Reminders and digests sent to the team, by kind.",
		}, []string{"kind"}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_events_handled_total",
			Help: "Inbox events handled, by outcome (done, retry, failed).",
		}, []string{"outcome"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "lotse_event_handling_seconds",
			Help:    "Time from an event's origin_server_ts to the end of its handling (includes homeserver delivery and the inbox queue).",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300},
		}),
		response: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "lotse_case_first_response_seconds",
			Help: "Time from opening a support case to the team's first answer to the member (!antwort, a guide or a solution).",
			// From minutes to days: volunteers answer in their free time.
			Buckets: []float64{60, 300, 900, 1800, 3600, 3 * 3600, 8 * 3600, 24 * 3600, 3 * 24 * 3600, 7 * 24 * 3600},
		}),
		leader: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lotse_leader",
			Help: "1 while this process holds the database lease and serves, 0 while it is a standby.",
		}),
	}
	reg.MustRegister(m.questions, m.cases, m.provisioning, m.reminders, m.events, m.latency, m.response, m.leader,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Sources are values that live elsewhere and are read at scrape time. Nil
// fields are left out.
type Sources struct {
	// LastSync returns when the last sync batch was committed (zero: never).
	LastSync func() time.Time
	// InboxPending counts the inbox events waiting to be handled.
	InboxPending func(ctx context.Context) (int, error)
	// SenderStats returns how often sending hit a rate limit and how often it retried.
	SenderStats func() (rateLimited, retries int64)
}

// AddSources registers gauges and counters that read s at scrape time.
func (m *Metrics) AddSources(s Sources) {
	if m == nil {
		return
	}
	if s.LastSync != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lotse_sync_lag_seconds",
			Help: "Seconds since the last sync batch was committed (-1 before the first).",
		}, func() float64 {
			t := s.LastSync()
			if t.IsZero() {
				return -1
			}
			return time.Since(t).Seconds()
		}))
	}
	if s.InboxPending != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lotse_inbox_pending",
			Help: "Inbox events waiting to be handled (-1 when the database did not answer).",
		}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := s.InboxPending(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		}))
	}
	if s.SenderStats != nil {
		m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "lotse_send_rate_limited_total",
			Help: "Sends the homeserver rate-limited (each was waited for and retried).",
		}, func() float64 { rl, _ := s.SenderStats(); return float64(rl) }))
		m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "lotse_send_retries_total",
			Help: "Send retries after a rate limit, a network error or a 5xx.",
		}, func() float64 { _, r := s.SenderStats(); return float64(r) }))
	}
}

// Question counts a question answered with outcome (QuestionConfident, …).
func (m *Metrics) Question(outcome string) {
	if m != nil {
		m.questions.WithLabelValues(outcome).Inc()
	}
}

// Case counts a support case change (CaseOpened, CaseClaimed, CaseResolved).
func (m *Metrics) Case(change string) {
	if m != nil {
		m.cases.WithLabelValues(change).Inc()
	}
}

// FirstResponse records the time from opening a case to the team's first
// answer to the member.
func (m *Metrics) FirstResponse(d time.Duration) {
	if m != nil {
		m.response.Observe(d.Seconds())
	}
}

// Reminder counts a reminder or digest sent to the team.
func (m *Metrics) Reminder(kind string) {
	if m != nil {
		m.reminders.WithLabelValues(kind).Inc()
	}
}

// ProvisioningJob counts a finished provisioning job by outcome, e.g.
// "done", "failed", "rejected". For the access-request work.
func (m *Metrics) ProvisioningJob(outcome string) {
	if m != nil {
		m.provisioning.WithLabelValues(outcome).Inc()
	}
}

// EventHandled records one inbox event: outcome is done, retry or failed;
// latency is the time since its origin_server_ts.
func (m *Metrics) EventHandled(outcome string, latency time.Duration) {
	if m == nil {
		return
	}
	m.events.WithLabelValues(outcome).Inc()
	if outcome == "done" {
		m.latency.Observe(latency.Seconds())
	}
}

// SetLeader records whether this process is the active one.
func (m *Metrics) SetLeader(active bool) {
	if m == nil {
		return
	}
	if active {
		m.leader.Set(1)
	} else {
		m.leader.Set(0)
	}
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
