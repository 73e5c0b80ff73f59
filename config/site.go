package config

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
)

// Site describes the association's own addresses and names. The guides use
// them as placeholders ({{cloud_url}} …), the web view shows the title and
// the legally required links. Every key can be set in the environment as
// LOTSE_SITE_<KEY>, e.g. LOTSE_SITE_CLOUD_URL.
type Site struct {
	// Name is the association's name, e.g. "Kreisverband Musterstadt".
	Name string `yaml:"name"`
	// ContactEmail is where members write when Lotse cannot help.
	ContactEmail string `yaml:"contact_email"`
	// WebsiteURL is the association's public website.
	WebsiteURL string `yaml:"website_url"`
	// CloudURL is the Nextcloud members open in the browser.
	CloudURL string `yaml:"cloud_url"`
	// MeetURL is the BigBlueButton (or Greenlight) address members open.
	MeetURL string `yaml:"meet_url"`
	// ChatURL is the Element web address.
	ChatURL string `yaml:"chat_url"`
	// MatrixServer is the server name in Matrix IDs (the part after the
	// colon in @name:server), without https://.
	MatrixServer string `yaml:"matrix_server"`
	// WebTitle is the title of the web view of the guides.
	WebTitle string `yaml:"web_title"`
	// ImpressumURL and PrivacyURL are linked on every page of the web view
	// (a German association's public site needs both).
	ImpressumURL string `yaml:"impressum_url"`
	PrivacyURL   string `yaml:"privacy_url"`
}

// siteProblems checks the site block: addresses must be absolute https (or
// http) URLs, the e-mail an address, no value may span lines (the guides'
// line numbers must stay right) or hold a placeholder itself.
func (s Site) siteProblems() []string {
	var problems []string
	urls := []struct{ key, val string }{
		{"website_url", s.WebsiteURL}, {"cloud_url", s.CloudURL}, {"meet_url", s.MeetURL}, {"chat_url", s.ChatURL},
		{"impressum_url", s.ImpressumURL}, {"privacy_url", s.PrivacyURL},
	}
	for _, u := range urls {
		if u.val == "" {
			continue
		}
		p, err := url.Parse(u.val)
		if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" || p.RawQuery != "" || p.Fragment != "" {
			problems = append(problems, fmt.Sprintf("site.%s must be an address like https://cloud.example.org (no query), not %q", u.key, u.val))
		}
	}
	if s.ContactEmail != "" {
		if a, err := mail.ParseAddress(s.ContactEmail); err != nil || a.Address != s.ContactEmail {
			problems = append(problems, fmt.Sprintf("site.contact_email must be a plain e-mail address like digital@example.org, not %q", s.ContactEmail))
		}
	}
	if m := s.MatrixServer; m != "" && !validServerName(m) {
		problems = append(problems, fmt.Sprintf("site.matrix_server is the server name in Matrix IDs like matrix.example.org (no https://, no @), not %q", m))
	}
	for key, val := range map[string]string{"name": s.Name, "web_title": s.WebTitle} {
		if len([]rune(val)) > 120 {
			problems = append(problems, fmt.Sprintf("site.%s is longer than 120 characters", key))
		}
	}
	for _, f := range s.fields() {
		if strings.ContainsAny(f.val, "\r\n") || strings.Contains(f.val, "{{") || strings.Contains(f.val, "}}") {
			problems = append(problems, fmt.Sprintf("site.%s must be one line without {{ or }}", f.key))
		}
	}
	return problems
}

// validServerName accepts a Matrix server name: a host, optionally with a
// port (matrix.example.org, matrix.example.org:8448).
func validServerName(s string) bool {
	if strings.ContainsAny(s, " @/") || strings.Count(s, ":") > 1 {
		return false
	}
	host, port, hasPort := strings.Cut(s, ":")
	return host != "" && (!hasPort || port != "")
}

type siteField struct{ key, val string }

func (s Site) fields() []siteField {
	return []siteField{
		{"name", s.Name}, {"contact_email", s.ContactEmail}, {"website_url", s.WebsiteURL},
		{"cloud_url", s.CloudURL}, {"meet_url", s.MeetURL}, {"chat_url", s.ChatURL},
		{"matrix_server", s.MatrixServer}, {"web_title", s.WebTitle},
		{"impressum_url", s.ImpressumURL}, {"privacy_url", s.PrivacyURL},
	}
}

// MaxFallbackContact is the longest fallback_contact Lotse accepts.
const MaxFallbackContact = 300

// fallbackProblems checks fallback_contact: one short line a member can act
// on, never an example address.
func fallbackProblems(s string) []string {
	switch {
	case s == "":
		return nil
	case strings.TrimSpace(s) != s:
		return []string{"fallback_contact must not start or end with spaces"}
	case strings.ContainsAny(s, "\r\n"):
		return []string{"fallback_contact must be one line, e.g. \"Schreib an digital@example.org oder ruf 0123 456789 an.\""}
	case len([]rune(s)) > MaxFallbackContact:
		return []string{fmt.Sprintf("fallback_contact is longer than %d characters", MaxFallbackContact)}
	case strings.Contains(strings.ToLower(s), "example.org"):
		return []string{"fallback_contact still names example.org: put in your real address or phone number"}
	}
	return nil
}
