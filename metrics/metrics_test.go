package metrics_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lotse-bot/lotse/metrics"
)

// TestNilIsNoOp: code and tests without metrics pass a nil *Metrics.
func TestNilIsNoOp(t *testing.T) {
	var m *metrics.Metrics
	m.Question(metrics.QuestionConfident)
	m.Case(metrics.CaseOpened)
	m.Reminder("digest")
	m.ProvisioningJob("done")
	m.EventHandled("done", time.Second)
	m.SetLeader(true)
	m.AddSources(metrics.Sources{})
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 404 {
		t.Errorf("nil handler answered %d, want 404", rec.Code)
	}
}

// TestOwnRegistry: two Metrics on two registries do not collide (no
// global default registry).
func TestOwnRegistry(t *testing.T) {
	a, b := metrics.New(prometheus.NewRegistry()), metrics.New(prometheus.NewRegistry())
	a.Question(metrics.QuestionNoGuide)
	b.Case(metrics.CaseResolved)
	rec := httptest.NewRecorder()
	a.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	if !strings.Contains(string(body), `lotse_questions_total{outcome="no_guide"} 1`) {
		t.Errorf("registry a lacks its own question")
	}
	if strings.Contains(string(body), `lotse_cases_total{change="resolved"}`) {
		t.Errorf("registry a shows b's case")
	}
}
