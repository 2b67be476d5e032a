// Command tarjuman is the command-line face of the tarjuman library: Arabic normalization, glossary
// annotation and QA, term alignment, and a translation memory with an HTTP server for CAT tools.
//
// Usage:
//
//	tarjuman <command> [flags] [FILE|-]
//
// Input is FILE or standard input ("-" or no FILE); output goes to standard output. Exit status is 0 on
// success, 1 on error and 2 on a usage error. Run "tarjuman help" for the list of commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// interruptGrace is how long a command may take to wind down after Ctrl-C before the process exits
// anyway (a command blocked reading a silent terminal or pipe cannot notice the cancellation). serve has
// its own grace period for in-flight requests.
const interruptGrace = 5 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan int, 1)
	go func() { done <- run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }()
	select {
	case code := <-done:
		stop()
		os.Exit(code)
	case <-ctx.Done():
	}
	// First Ctrl-C: cancel and let the command finish cleanly (the store stays consistent either way).
	// From now on a second Ctrl-C kills the process at once.
	stop()
	grace := interruptGrace
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		grace = serveGrace + interruptGrace
	}
	select {
	case code := <-done:
		os.Exit(code)
	case <-time.After(grace):
		fmt.Fprintln(os.Stderr, "tarjuman: interrupted")
		os.Exit(130)
	}
}

// env is what every command sees of the outside world, so that tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"normalize", "normalize Arabic-script text (presets search, light, lucene, or single folds)", runNormalize},
		{"annotate", "find glossary terms in text", runAnnotate},
		{"check", "check translations against a glossary (missing and forbidden terms)", runCheck},
		{"align", "find recurring term pairs in a parallel corpus (TSV or TMX)", runAlign},
		{"import", "import TMX, TSV or Weblate JSON into the translation memory", runImport},
		{"export", "export the translation memory as TMX, TSV or Weblate JSON", runExport},
		{"lookup", "fuzzy-match each input line against the translation memory", runLookup},
		{"concord", "concordance search on both sides of the translation memory", runConcord},
		{"stats", "units and language pairs of the translation memory", runStats},
		{"serve", "serve the TM and glossary over HTTP (JSON API, Weblate, MyMemory)", runServe},
		{"version", "print the version and build information", runVersion},
	}
}

// errUsage marks errors that should exit with status 2; the flag package has already printed its usage.
var errUsage = errors.New("usage")

// usageError reports a misuse of a command with status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		printUsage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "tarjuman %s: %s\n", c.name, ue.msg)
			return 2
		default:
			fmt.Fprintf(stderr, "tarjuman %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "tarjuman: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return 2
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: tarjuman <command> [flags] [FILE|-]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'tarjuman <command> -h' for the flags of a command.")
}

// newFlagSet returns a flag set whose parse errors become errUsage and whose -h prints "usage:" text.
func newFlagSet(e env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: tarjuman %s [flags] %s\n\n%s\n\nflags:\n", name, args, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args and maps flag errors to the exit-status sentinels.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// noArgs rejects positional arguments for commands that take none.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// openInput opens the single optional FILE argument, "-" or none meaning standard input.
func openInput(e env, fs *flag.FlagSet) (io.ReadCloser, error) {
	switch fs.NArg() {
	case 0:
		return io.NopCloser(e.stdin), nil
	case 1:
		if fs.Arg(0) == "-" {
			return io.NopCloser(e.stdin), nil
		}
		return os.Open(fs.Arg(0))
	default:
		return nil, usageError{fmt.Sprintf("expected at most one FILE, got %d", fs.NArg())}
	}
}
