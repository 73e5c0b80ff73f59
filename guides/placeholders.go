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

// placeholdersIn returns the names of the values src uses (a *_host form
// counts as its URL), sorted, each once; unknown placeholders are left out
// ([substitute] reports them).
func placeholdersIn(src []byte) []string {
	if !bytes.Contains(src, []byte("{{")) {
		return nil
	}
	var names []string
	for _, m := range placeholderRE.FindAllSubmatch(src, -1) {
		name := string(m[1])
		if u, ok := hostVars[name]; ok {
			name = u
		}
		if _, ok := exampleVars[name]; ok && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// placeholderRE finds {{name}} (spaces inside the braces allowed) and, for
// reporting, anything else between double braces.
var placeholderRE = regexp.MustCompile(`\{\{\s*([^{}\n]*?)\s*\}\}`)

// substitute replaces the placeholders in src. Unknown ones stay and are
// reported as errors (a member must never see "{{…}}"). Values are one
// line, so line numbers of later problems stay right.
func substitute(src []byte, values map[string]string) ([]byte, []Problem) {
	if !bytes.Contains(src, []byte("{{")) {
		return src, nil
	}
	var problems []Problem
	out := placeholderRE.ReplaceAllFunc(src, func(m []byte) []byte {
		if val, ok := values[string(placeholderRE.FindSubmatch(m)[1])]; ok {
			return []byte(val)
		}
		return m
	})
	for _, loc := range placeholderRE.FindAllSubmatchIndex(src, -1) {
		name := string(src[loc[2]:loc[3]])
		if _, ok := values[name]; !ok {
			problems = append(problems, Problem{Line: lineOf(src, loc[0]),
				Message: fmt.Sprintf("unknown placeholder {{%s}} (known: %s)", name, strings.Join(PlaceholderNames(), ", "))})
		}
	}
	return out, problems
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
