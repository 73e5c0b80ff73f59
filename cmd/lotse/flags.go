package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags returns a flag set whose errors go to stderr and whose -h is
// handled by runMain (so fs.Usage prints nothing of its own).
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseInterspersed parses flags anywhere among the arguments
// (`guides search "frage" --dir x` as well as `--dir x "frage"`) and returns
// the other arguments in order; everything after "--" is an argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fail(exitUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// dirArg resolves the guide library from --dir and an optional first
// argument; giving both differently is an error.
func dirArg(flagDir string, flagSet bool, positional []string) (string, []string, error) {
	if len(positional) == 0 {
		return flagDir, nil, nil
	}
	if flagSet && positional[0] != flagDir {
		return "", nil, fail(exitUsage, fmt.Errorf("library given twice: --dir %s and %s", flagDir, positional[0]))
	}
	return positional[0], positional[1:], nil
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}
