package guides

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// Vars are the values of the placeholders a guide may use, such as
// {{cloud_url}}; [Load] substitutes them before parsing, so search, chat
// answers and the web view all show the association's real addresses.
type Vars map[string]string

// Placeholder names a guide may use. The *_host forms are derived from the
// matching *_url (https://cloud.verein.de → cloud.verein.de).
const (
	VarSiteName     = "site_name"
	VarContactEmail = "contact_email"
	VarWebsiteURL   = "website_url"
	VarCloudURL     = "cloud_url"
	VarMeetURL      = "meet_url"
	VarChatURL      = "chat_url"
	VarMatrixServer = "matrix_server"
	VarBotID        = "bot_id"
)

// exampleVars are shown for placeholders nobody configured (documentation
// addresses; `lotse setup` warns about them).
var exampleVars = Vars{
	VarSiteName:     "unser Verband",
	VarContactEmail: "digital@example.org",
	VarWebsiteURL:   "https://www.example.org",
	VarCloudURL:     "https://cloud.example.org",
	VarMeetURL:      "https://meet.example.org",
	VarChatURL:      "https://chat.example.org",
	VarMatrixServer: "matrix.example.org",
	VarBotID:        "@lotse:matrix.example.org",
}

// hostVars are the placeholders derived from a URL placeholder.
var hostVars = map[string]string{
	"website_host": VarWebsiteURL,
	"cloud_host":   VarCloudURL,
	"meet_host":    VarMeetURL,
	"chat_host":    VarChatURL,
}

// PlaceholderNames lists every placeholder a guide may use, sorted.
func PlaceholderNames() []string {
	var names []string
	for n := range exampleVars {
		names = append(names, n)
	}
	for n := range hostVars {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// resolve returns the value of every known placeholder: configured values,
// the example for the rest, and the host forms.
func (v Vars) resolve() map[string]string {
	out := make(map[string]string, len(exampleVars)+len(hostVars))
	for n, ex := range exampleVars {
		out[n] = ex
		if val := strings.TrimSpace(v[n]); val != "" && !strings.ContainsAny(val, "\r\n") {
			// One line only: a value must not move the lines after it.
			out[n] = strings.TrimRight(val, "/")
		}
	}
	for h, u := range hostVars {
		out[h] = hostOf(out[u])
	}
	return out
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// VarNames lists the names of the values a guide's placeholders show
// (the keys of [Vars]; the *_host forms are derived from them), sorted.
func VarNames() []string {
	names := make([]string, 0, len(exampleVars))
	for n := range exampleVars {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// placeholderRE finds {{name}} (spaces inside the braces allowed) and, for
// reporting, anything else between double braces.
var placeholderRE = regexp.MustCompile(`\{\{\s*([^{}\n]*?)\s*\}\}`)

// substitute replaces the placeholders in src in one pass. Unknown ones
// stay and are reported as errors (a member must never see "{{…}}").
// Values are one line, so line numbers of later problems stay right. used
// names the values src uses (a *_host form counts as its URL), sorted,
// each once; unknown placeholders are left out of it.
func substitute(src []byte, values map[string]string) (out []byte, used []string, problems []Problem) {
	if !bytes.Contains(src, []byte("{{")) {
		return src, nil, nil
	}
	last := 0
	for _, loc := range placeholderRE.FindAllSubmatchIndex(src, -1) {
		name := string(src[loc[2]:loc[3]])
		out = append(out, src[last:loc[0]]...)
		last = loc[1]
		val, ok := values[name]
		if !ok {
			out = append(out, src[loc[0]:loc[1]]...)
			problems = append(problems, Problem{Line: lineOf(src, loc[0]),
				Message: fmt.Sprintf("unknown placeholder {{%s}} (known: %s)", name, strings.Join(PlaceholderNames(), ", "))})
		} else {
			out = append(out, val...)
		}
		if u, ok := hostVars[name]; ok {
			name = u
		}
		if _, ok := exampleVars[name]; ok && !slices.Contains(used, name) {
			used = append(used, name)
		}
	}
	out = append(out, src[last:]...)
	slices.Sort(used)
	return out, used, problems
}

// exampleDomainRE matches the documentation domains example.org/.com/.net.
var exampleDomainRE = regexp.MustCompile(`(?i)\bexample\.(org|com|net)\b`)

// exampleAddressProblems reports every line of src that names an example
// domain: the shipped guides use placeholders instead, so a leftover one
// is an address members would find nowhere.
func exampleAddressProblems(src []byte) []Problem {
	var problems []Problem
	for i, line := range bytes.Split(src, []byte("\n")) {
		if m := exampleDomainRE.Find(line); m != nil {
			problems = append(problems, Problem{Line: i + 1,
				Message: fmt.Sprintf("example address %q: use a placeholder such as {{cloud_url}} or {{contact_email}} (set in the site block of the config)", m)})
		}
	}
	return problems
}
