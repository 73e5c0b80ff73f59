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
