package main

import (
	"fmt"
	"os"
)

// secretFileVars are the LOTSE_…_FILE variables that name a file holding a
// secret: the bot's password or token, the pickle key, PostgreSQL's URI
// with its password, the Nextcloud app password and the BBB secret.
var secretFileVars = []string{
	"LOTSE_PASSWORD_FILE", "LOTSE_ACCESS_TOKEN_FILE", "LOTSE_PICKLE_KEY_FILE", "LOTSE_DATABASE_FILE",
	"LOTSE_NEXTCLOUD_APP_PASSWORD_FILE", "LOTSE_BBB_SECRET_FILE",
}

// openSecretFile is a secret file every user of the machine may read.
type openSecretFile struct {
	variable, path string
	mode           os.FileMode
}

// String names the variable, the file and its mode, never its content.
func (f openSecretFile) String() string {
	return fmt.Sprintf("%s names %s, which every user of this machine can read (mode %04o)", f.variable, f.path, f.mode.Perm())
}

// openSecretFiles lists the secret files that others may read (mode
// o+r): `openssl rand … > file` without the umask of deployment.md, a
// file copied with cp from a world-readable place. Lotse read them without
// a word, so the bot's password and the pickle key were open to every
// account on the server (ops34). A file that cannot be read is left to
// config.Load, which names it.
func openSecretFiles(getenv func(string) string) []openSecretFile {
	var out []openSecretFile
	for _, v := range secretFileVars {
		path := getenv(v)
		if path == "" || getenv(v[:len(v)-len("_FILE")]) != "" {
			continue // unset, or the variable itself wins over the file
		}
		info, err := os.Stat(path)
		if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o004 == 0 {
			continue
		}
		out = append(out, openSecretFile{variable: v, path: path, mode: info.Mode()})
	}
	return out
}
