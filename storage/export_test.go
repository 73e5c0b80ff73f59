package storage

// Internal helpers for the external tests.
var StorageReplaceIDForTest = replaceID

// OpenSendsQueryForTest is the query OpenSends runs (its plan is checked
// against the partial index).
const OpenSendsQueryForTest = openSendsQuery

// SetBackupWrittenHook lets a test look at the copy before it is in place.
func SetBackupWrittenHook(f func(string)) func() {
	old := backupWritten
	backupWritten = f
	return func() { backupWritten = old }
}

// DueNowSessionsQueryForTest is the start of the query DueNowSessions runs
// (its plan is checked against the partial index).
const DueNowSessionsQueryForTest = dueNowSessionsQuery

// SetRekeyBatchForTest makes RekeySent work in batches of size rows and
// call after after each one.
func SetRekeyBatchForTest(size int, after func()) func() {
	oldSize, oldAfter := rekeyBatchSize, afterRekeyBatch
	rekeyBatchSize, afterRekeyBatch = size, after
	return func() { rekeyBatchSize, afterRekeyBatch = oldSize, oldAfter }
}

// SetAnnounceHookForTest makes AnnounceBounded call f before its
// transaction.
func SetAnnounceHookForTest(f func()) func() {
	old := announceHook
	announceHook = f
	return func() { announceHook = old }
}

// PrivacyQueriesForTest returns the SQL statements of the export
// (PersonalTables), of the erasure (its steps, and an UPDATE of each
// table whose IDs or keys it rewrites) and of the retention rules (their
// counts and deletions), for the test that checks them against the
// schema's tables (TestEveryPersonTableIsCovered).
func PrivacyQueriesForTest() (export, erase, retention []string) {
	for _, t := range PersonalTables {
		export = append(export, t.Query)
	}
	for _, s := range deleteSteps {
		erase = append(erase, s.query)
	}
	for _, s := range inboxSteps {
		erase = append(erase, s.query)
	}
	for _, r := range idRewrites {
		erase = append(erase, "UPDATE "+r.table+" SET "+r.column)
	}
	for _, r := range keyRewrites {
		erase = append(erase, "UPDATE "+r.table+" SET "+r.key)
	}
	for _, r := range retentionRules {
		retention = append(retention, r.count)
		retention = append(retention, r.del...)
	}
	// The rule "cases" deletes through CaseQuery.prune.
	retention = append(retention, deleteCaseQuery, pruneRemindersQuery, pruneLearnPromptsQuery)
	return export, erase, retention
}
