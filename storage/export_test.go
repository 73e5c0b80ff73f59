package storage

// Internal helpers for the external tests.
var StorageReplaceIDForTest = replaceID
