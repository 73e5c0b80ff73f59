package web

import "github.com/lotse-bot/lotse/guides"

// activeSVG returns why an SVG image must not be copied into the static
// site (see guides.ActiveSVG): the web host that serves the site would
// run its scripts and follow its references on the site's origin.
func activeSVG(data []byte) string { return guides.ActiveSVG(data) }
