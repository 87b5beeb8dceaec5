package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileCase is one input an attacker or a broken dump might send, and
// how many records it holds.
type hostileCase struct {
	name    string
	args    []string // extra flags
	path    string   // a file made by content, or a device
	content func() []byte
	records int
}

func hostileCases() []hostileCase {
	repeat := func(s string, n int) func() []byte {
		return func() []byte { return bytes.Repeat([]byte(s), n) }
	}
	reference, _ := os.ReadFile(article)
	return []hostileCase{
		{name: "full-stops", content: repeat(".", 100_000), records: 1},
		{name: "date-phrases", content: repeat("Monday, December 22, ", 10_000), records: 1},
		{name: "zero-device", path: "/dev/zero", records: 1},
		{name: "binary", content: func() []byte {
			b := make([]byte, 1<<20)
			r := rand.New(rand.NewPCG(1, 2))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			return b
		}, records: 1},
		{name: "empty", content: func() []byte { return nil }, records: 1},
		{name: "tiny-paragraphs", content: repeat("a\n\n", 200_000), records: 1},
		{name: "one-long-word", content: repeat("x", 300_000), records: 1},
		{name: "brackets", content: func() []byte {
			return []byte(strings.Repeat("(", 50_000) + "Ana Ruiz" + strings.Repeat(")", 50_000))
		}, records: 1},
		{name: "names-in-one-sentence", content: repeat("Minister Ana Ruiz of Chile, President Tom Berg of Norway, ", 5_000), records: 1},
		{name: "partners-firms", content: repeat("Harwick, Tarn & Co. said Lakeview, Berg & Moss Ltd. agreed. ", 20_000), records: 1},
		{name: "quotes-and-dashes", content: repeat("\"– ‘“ — ” ’ - \" ", 20_000), records: 1},
		{name: "reference-100x", content: repeat(string(reference)+"\n\n", 100), records: 1},
		// Takes longer than the timeout: it must end as a timed-out record.
		{name: "reference-2000x", content: repeat(string(reference)+"\n\n", 2000), records: 1},
		{name: "no-line-breaks", content: func() []byte {
			return bytes.ReplaceAll(bytes.Repeat(reference, 50), []byte("\n"), []byte(" "))
		}, records: 1},
		{name: "jsonl-blank-lines", args: []string{"--input", "jsonl"}, content: func() []byte {
			return append(bytes.Repeat([]byte("\n"), 20_000_000), `{"id":"last","text":"Ana Ruiz met Tom Berg."}`+"\n"...)
		}, records: 1},
		{name: "jsonl-bad-lines", args: []string{"--input", "jsonl"}, content: func() []byte {
			return []byte(strings.Join([]string{
				`{"id":"ok","text":"Ana Ruiz met Tom Berg in Oslo."}`,
				`{"id":"cut","text":"Ana`,
				`not json at all`,
				`{"id":"","text":"An empty id."}`,
				`{"id":"surrogate","text":"bad \ud800 half"}`,
				`{"id":"nested","text":{"a":[1,2]}}`,
				`[1,2,3]`,
				`{"id":"big","text":"` + strings.Repeat("Oslo. ", 100_000) + `"}`,
			}, "\n") + "\n")
		}, records: 8},
	}
}

// TestHostileInputs runs the built binary on inputs meant to break it:
// each run ends within its timeout, the binary's start, the writing of its
// output and a second, writes one record per input record, and never
// panics.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it on large inputs")
	}
	bin := buildReadout(t)
	dir := t.TempDir()
	const timeout = 2 * time.Second
	// The binary's start (loading its models) is no part of the bound, and
	// takes longer on a loaded machine or under -race: time it on a
	// one-line input before each case and allow for it.
	small := writeFile(t, filepath.Join(dir, "small.txt"), "Ana Ruiz met Tom Berg in Oslo.\n")
	start := func() time.Duration {
		begin := time.Now()
		if out, err := exec.Command(bin, "annotate", "-q", "--output", "jsonl", small).CombinedOutput(); err != nil {
			t.Fatalf("a one-line input: %v\n%s", err, out)
		}
		return time.Since(begin)
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			startup := start()
			path := c.path
			if c.content != nil {
				path = writeFile(t, filepath.Join(dir, c.name+".txt"), string(c.content()))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			args := append([]string{"annotate", "-q", "--output", "jsonl", "--workers", "1"}, c.args...)
			cmd := exec.CommandContext(ctx, bin, append(args, path)...)
			cmd.Env = append(os.Environ(), "READOUT_TIMEOUT="+timeout.String())
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			err := cmd.Run()
			took := time.Since(start)
			if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 1) {
				t.Fatalf("exit: %v\n%s", err, errb.String())
			}
			if strings.Contains(errb.String(), "panic") {
				t.Fatalf("panicked:\n%s", errb.String())
			}
			var statuses []string
			for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
				var rec struct {
					Status string `json:"status"`
					Errors []struct{ Message string }
				}
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("output line is not a record: %v", err)
				}
				s := rec.Status
				if len(rec.Errors) > 0 {
					s += fmt.Sprintf(" (%.60s)", rec.Errors[0].Message)
				}
				statuses = append(statuses, s)
			}
			if len(statuses) != c.records {
				t.Errorf("%d records in, %d out: %v", c.records, len(statuses), statuses)
			}
			// The bound is on cancellation, not speed: a document that
			// takes too long must end as a timed-out record, where one
			// that ignores its timeout runs on for minutes. Writing a
			// record comes after its timeout, and a record of 200,000
			// paragraphs is some 19 MB of JSON: allow 0.1 s a megabyte
			// and a second, three times over for a machine that other
			// packages' race-built tests load beside this one.
			writing := 3 * (time.Duration(out.Len()/1e6)*100*time.Millisecond + time.Second)
			if took > timeout+startup+writing {
				t.Errorf("took %s, over the %s timeout, the %s start and %s for writing on a loaded machine; records %v", took.Round(time.Millisecond), timeout, startup.Round(time.Millisecond), writing, statuses)
			}
			t.Logf("%s: %v", took.Round(time.Millisecond), statuses)
		})
	}
}

// TestSecondSignalStops: a second interrupt abandons a document in the
// middle of its stages, and the run ends soon after, as interrupted.
func TestSecondSignalStops(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildReadout(t)
	reference, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "big.txt"), strings.Repeat(string(reference)+"\n\n", 3000))
	for _, sigs := range [][]os.Signal{{os.Interrupt, os.Interrupt}, {os.Interrupt, syscall.SIGTERM}} {
		cmd := exec.Command(bin, "annotate", "-q", "--workers", "1", path)
		cmd.Env = append(os.Environ(), "READOUT_TIMEOUT=10m")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		time.Sleep(1500 * time.Millisecond) // into the stages
		for _, sig := range sigs {
			cmd.Process.Signal(sig)
			time.Sleep(100 * time.Millisecond)
		}
		select {
		case err := <-done:
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
				t.Errorf("%v: exit %v, want 130\n%s", sigs, err, errb.String())
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			t.Errorf("%v: still running 5s after the second signal", sigs)
		}
	}
}
