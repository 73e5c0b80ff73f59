package guides_test

import (
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// matrixTags is the Matrix HTML allow-list (spec, m.room.message).
var matrixTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`del h1 h2 h3 h4 h5 h6 blockquote p a ul ol sup sub li b i u strong em s code
		hr br div table thead tbody tr th td caption pre span img details summary`) {
		matrixTags[t] = true
	}
}

var (
	voidTags     = map[string]bool{"br": true, "hr": true, "img": true}
	codeClassRE  = regexp.MustCompile(`^language-[\w-]+$`)
	linkSchemes  = map[string]bool{"https": true, "http": true, "ftp": true, "mailto": true, "magnet": true}
	allowedAttrs = map[string]map[string]bool{
		"a":    {"href": true, "target": true},
		"img":  {"src": true, "alt": true, "title": true, "width": true, "height": true},
		"ol":   {"start": true},
		"code": {"class": true},
		"span": {"data-mx-color": true, "data-mx-bg-color": true, "data-mx-spoiler": true, "data-mx-maths": true},
		"div":  {"data-mx-maths": true},
	}
)

// matrixHTMLViolation returns a description of the first way s breaks the
// Matrix HTML rules Lotse promises (allowed tags and attributes, link
// schemes, mxc:// images, nesting ≤ 100), or "".
func matrixHTMLViolation(s string) string {
	if strings.Contains(strings.ToLower(s), "<script") {
		return "contains <script"
	}
	z := html.NewTokenizer(strings.NewReader(s))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return ""
			}
			return fmt.Sprintf("tokenizer: %v", z.Err())
		case html.CommentToken, html.DoctypeToken:
			return "contains a comment or doctype"
		case html.EndTagToken:
			depth--
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !matrixTags[tok.Data] {
				return fmt.Sprintf("tag <%s> is not allowed", tok.Data)
			}
			if tt == html.StartTagToken && !voidTags[tok.Data] {
				depth++
				if depth > 100 {
					return "nested deeper than 100"
				}
			}
			for _, a := range tok.Attr {
				if !allowedAttrs[tok.Data][a.Key] {
					return fmt.Sprintf("attribute %s on <%s> is not allowed", a.Key, tok.Data)
				}
				switch {
				case tok.Data == "a" && a.Key == "href":
					u, err := url.Parse(a.Val)
					if err != nil || !linkSchemes[strings.ToLower(u.Scheme)] {
						return fmt.Sprintf("href %q is not an allowed absolute URL", a.Val)
					}
				case tok.Data == "img" && a.Key == "src":
					if !strings.HasPrefix(a.Val, "mxc://") {
						return fmt.Sprintf("img src %q is not mxc://", a.Val)
					}
				case tok.Data == "code" && a.Key == "class":
					if !codeClassRE.MatchString(a.Val) {
						return fmt.Sprintf("code class %q", a.Val)
					}
				}
				if strings.Contains(strings.ToLower(a.Val), "javascript:") {
					return "attribute contains javascript:"
				}
			}
		}
	}
}
