package readoutbeam

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/readout/readout/pipeline/source"
)

// TestProcessEnvironment runs the job the way a Flink or Spark cluster
// runs it with --environment_type=PROCESS: the runner starts the Go SDK's
// boot program, which fetches the staged --worker_binary and runs it as a
// separate worker process. Only the DoFns' serialized fields (the shipped
// settings) reach that process.
func TestProcessEnvironment(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the SDK's boot program; skipped with -short")
	}
	dir := t.TempDir()
	files := textCorpus(t, dir)
	boot := filepath.Join(dir, "boot")
	build := exec.Command("go", "build", "-o", boot, "github.com/apache/beam/sdks/v2/go/container")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building boot: %v\n%s", err, out)
	}
	// Prism passes --id='ID' with the quotes inside the value, which boot
	// rejects; a real cluster does not. The wrapper also puts boot and the
	// worker it starts in a process group of their own, recorded so the
	// test can stop them: Prism kills boot at the end, not its worker.
	pgids := filepath.Join(dir, "pgids")
	wrapper := filepath.Join(dir, "boot.sh")
	// boot writes pipeline_options.json into its working directory.
	writeFile(t, wrapper, []byte(fmt.Sprintf(`#!/bin/sh
id=$(printf '%%s' "$1" | sed "s/^--id='\(.*\)'\$/--id=\1/")
shift
echo $$ >> %q
cd %q || exit 1
exec setsid %q "$id" "$@"
`, pgids, dir, boot)))
	if err := os.Chmod(wrapper, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		b, _ := os.ReadFile(pgids)
		for _, f := range strings.Fields(string(b)) {
			if pgid, err := strconv.Atoi(f); err == nil && pgid > 1 {
				syscall.Kill(-pgid, syscall.SIGKILL)
			}
		}
	})

	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, errs, _ := submitToJobServer(t, dir, "--environment_type=PROCESS",
		`--environment_config={"command":"`+wrapper+`"}`, "--worker_binary="+bin)
	if _, err := os.Stat(pgids); err != nil {
		t.Fatalf("boot never ran: %v", err)
	}
	want := coreRecords(t, source.Text, files)
	sameRecords(t, append(readShards(t, out, 2), readShards(t, errs, 1)...), want)
}
