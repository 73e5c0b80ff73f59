package bot

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// sealedPrefix marks a secret stored encrypted (AES-256-GCM, key derived
// from the pickle key). A stored value without it is a plaintext secret
// written by an older Lotse; it is re-stored encrypted on the next start.
const sealedPrefix = "sealed:v1:"

// tokenKey derives the key that encrypts the access token at rest from the
// pickle key (which already protects the crypto store and is never in the
// database or its backups).
func tokenKey(pickleKey string) ([]byte, error) {
	return hkdf.Key(sha256.New, []byte(pickleKey), nil, "lotse access token at rest v1", 32)
}

// PseudonymKey derives the key of the pseudonyms that replace erased
// people in kept records from the pickle key, so it is not in the database
// whose records it pseudonymises. Tools that erase outside the running bot
// (lotse privacy erase) pass it to storage.DB.SetPseudonymKey, so that a
// person gets the same pseudonym whoever erased them.
func PseudonymKey(pickleKey string) ([]byte, error) {
	return hkdf.Key(sha256.New, []byte(pickleKey), nil, "lotse pseudonyms v1", 32)
}

// SentKey derives from the pickle key the key that sent_event's
// transaction IDs are stored under (storage.DB.SetSentKey), so it is not in
// the database whose hashes it keys. Tools that read a running Lotse's
// sends (lotse-load) set it the same way.
func SentKey(pickleKey string) ([]byte, error) {
	if pickleKey == "" {
		return nil, errors.New("no pickle key to derive the sent events' key from")
	}
	return hkdf.Key(sha256.New, []byte(pickleKey), nil, "lotse sent events v1", 32)
}

// sealSecret encrypts plaintext for the database, bound to label (the bot's
// user ID), so a value copied to another account's row does not open.
func sealSecret(pickleKey, label, plaintext string) (string, error) {
	if plaintext == "" {
		return "", nil
	}
	aead, err := secretAEAD(pickleKey)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("failed to make a nonce: %w", err)
	}
	sealed := aead.Seal(nonce, nonce, []byte(plaintext), []byte(label))
	return sealedPrefix + base64.RawStdEncoding.EncodeToString(sealed), nil
}

// errNotSealed reports a value stored in plaintext by an older Lotse.
var errNotSealed = errors.New("secret is stored in plaintext")

// openSecret decrypts a value written by sealSecret. A plaintext value
// (older Lotse) is returned with errNotSealed; a value that does not open
// (another pickle key) is an error that never contains the value.
func openSecret(pickleKey, label, stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	encoded, ok := strings.CutPrefix(stored, sealedPrefix)
	if !ok {
		return stored, errNotSealed
	}
	raw, err := base64.RawStdEncoding.DecodeString(encoded)
	if err != nil {
		return "", errors.New("stored secret is damaged")
	}
	aead, err := secretAEAD(pickleKey)
	if err != nil {
		return "", err
	}
	if len(raw) < aead.NonceSize() {
		return "", errors.New("stored secret is damaged")
	}
	plain, err := aead.Open(nil, raw[:aead.NonceSize()], raw[aead.NonceSize():], []byte(label))
	if err != nil {
		return "", errors.New("stored secret does not open with this pickle key (was LOTSE_PICKLE_KEY changed?)")
	}
	return string(plain), nil
}

func secretAEAD(pickleKey string) (cipher.AEAD, error) {
	if pickleKey == "" {
		return nil, errors.New("no pickle key to encrypt secrets with")
	}
	key, err := tokenKey(pickleKey)
	if err != nil {
		return nil, fmt.Errorf("failed to derive the token key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("failed to set up the token cipher: %w", err)
	}
	return cipher.NewGCM(block)
}
