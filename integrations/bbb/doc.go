// Package bbb is a small client for the BigBlueButton API: create meetings
// (idempotently), build signed join links, and query or end meetings.
//
// Upstream docs: https://docs.bigbluebutton.org/development/api/ ; the
// contract this package follows is section B of
// docs/integrations-reference.md.
//
// Every call is a GET whose query string is built in a fixed order with
// Java-URLEncoder-compatible escaping (QueryEscape) and signed with
// checksum = hex(H(call + query + secret)) (Checksum). The secret is never
// sent and never appears in errors. Responses are XML; FAILED responses
// become *Error values classified by sentinels (ErrChecksum, ErrNotFound,
// ErrIDNotUnique, …). The client never retries by itself; see Retryable.
//
// Typical use for a persistent room:
//
//	bb, err := bbb.NewClient(bbb.Options{BaseURL: cfg.URL, Secret: cfg.Secret, Algorithm: "sha256"})
//	...
//	m, err := bb.Create(ctx, bbb.CreateRequest{MeetingID: bbb.MeetingID(room), Name: room})
//	link, err := bb.JoinURL(bbb.JoinRequest{
//		MeetingID: m.MeetingID, FullName: displayName, Role: bbb.RoleViewer,
//		UserID: matrixID, CreateTime: m.CreateTime,
//	})
//
// The package bbbtest provides an API-faithful fake server for tests.
package bbb
