package tracker_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/imaptest"
	"github.com/inboxwatch/inboxwatch/internal/state"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

// The crash tests kill a sync with SIGKILL, which needs a process of its
// own: the test binary runs itself again with crashChildEnv set, and
// TestMain then runs one sync as the other variables say instead of the
// tests.
const (
	crashChildEnv = "INBOXWATCH_CRASH_CHILD" // "1" in a child
	crashAddrEnv  = "INBOXWATCH_CRASH_ADDR"
	crashUserEnv  = "INBOXWATCH_CRASH_USER"
	crashPassEnv  = "INBOXWATCH_CRASH_PASSWORD"
	crashStateEnv = "INBOXWATCH_CRASH_STATE"
	crashChunkEnv = "INBOXWATCH_CRASH_CHUNK"
)

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) == "1" {
		os.Exit(crashChild())
	}
	os.Exit(m.Run())
}

// crashChild syncs once into the state file named in the environment and
// returns the exit status: 0 when the sync finished.
func crashChild() int {
	cfg, err := faultConfig(os.Getenv(crashAddrEnv), os.Getenv(crashUserEnv), os.Getenv(crashPassEnv), os.Getenv(crashStateEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, "config:", err)
		return 3
	}
	chunk, _ := strconv.Atoi(os.Getenv(crashChunkEnv))
	ctx := context.Background()
	store, err := state.Open(ctx, cfg.State.Path, state.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open state:", err)
		return 3
	}
	defer store.Close()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	tr, err := tracker.New(cfg, store, tracker.Deps{Log: log, ChunkSize: chunk})
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracker:", err)
		return 3
	}
	st, err := tr.Sync(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sync:", err)
		return 2
	}
	fmt.Printf("synced: seen %d, stored %d\n", st.Seen, st.Stored)
	return 0
}

// crashSync starts a child syncing into path and, when kill is not
// negative, kills it with SIGKILL after that long. It reports whether the
// kill came before the child had finished.
func crashSync(t *testing.T, srv *imaptest.Server, path string, chunk int, kill time.Duration) (killed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"=1", crashAddrEnv+"="+srv.Addr, crashUserEnv+"="+srv.Username,
		crashPassEnv+"="+srv.Password, crashStateEnv+"="+path, crashChunkEnv+"="+strconv.Itoa(chunk))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	if kill < 0 {
		select {
		case err = <-done:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("the sync did not finish within 60 s; output:\n%s", out.String())
		}
	} else {
		select {
		case err = <-done:
		case <-time.After(kill):
			killed = cmd.Process.Signal(syscall.SIGKILL) == nil
			err = <-done
		}
	}
	var ee *exec.ExitError
	switch {
	case killed && errors.As(err, &ee) && ee.ProcessState.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL:
	case err != nil:
		t.Fatalf("sync process: %v; output:\n%s", err, out.String())
	default:
		killed = false // it had finished before the signal
	}
	return killed
}

const (
	crashChunk = 7
	crashKills = 20
	// crashExtra is the mail added to the sample job search, enough that
	// the sync outlasts all the kills put together.
	crashExtra = 2000
)

// A sync killed with SIGKILL at random moments, twenty times in a row on
// the same state file, never leaves a damaged or inconsistent store: after
// every kill the file passes SQLite's integrity check and holds exactly
// what a clean run held when it reached the same cursors, and the sync
// that finally completes leaves what a clean run leaves.
func TestSyncSurvivesSIGKILL(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedDemo(t, srv, now)
	rng := rand.New(rand.NewPCG(20, 26))
	var delays []time.Duration
	var total time.Duration
	for range crashKills {
		delays = append(delays, time.Duration(rng.IntN(400))*time.Millisecond)
		total += delays[len(delays)-1]
	}
	// The kills must land before the sync is done: on a machine fast
	// enough to read the mailbox in less time than all the delays add up
	// to, grow it once in proportion.
	extra := crashExtra
	seedExtra(t, srv, now, 0, extra)
	began := time.Now()
	clean := cleanSnap(t, srv, crashChunk)
	took := time.Since(began)
	if took < total {
		more := min(int(float64(extra)*(1.5*float64(total)/float64(took)-1)), 4*crashExtra)
		seedExtra(t, srv, now, extra, more)
		extra += more
		began = time.Now()
		clean = cleanSnap(t, srv, crashChunk)
		took = time.Since(began)
	}
	t.Logf("%d extra messages; a clean sync stores %d messages in %s; the kills come after %s in all", extra, clean.Counts.Messages, took.Round(time.Millisecond), total)

	path := filepath.Join(t.TempDir(), "state.db")
	var midway, stalled, late int
	prev := map[string]string{}
	for i, delay := range delays {
		killed := crashSync(t, srv, path, crashChunk, delay)
		store, err := state.Open(context.Background(), path, state.Options{})
		if err != nil {
			t.Fatalf("kill %d: reopening the state: %v", i+1, err)
		}
		if err := store.Check(context.Background()); err != nil {
			t.Fatalf("kill %d after %s: %v", i+1, delay, err)
		}
		got := snapState(t, store)
		store.Close()
		if d := diffPrefix(got, clean); d != "" {
			t.Fatalf("kill %d after %s left a state no clean run goes through:\n%s", i+1, delay, d)
		}
		what := "in the middle of the sync"
		switch {
		case !killed || diffState(got, clean) == "":
			late++
			what = "after the sync had finished"
		case maps.Equal(got.Cursors, prev):
			stalled++
			what = "before the first commit"
		default:
			midway++
		}
		prev = got.Cursors
		t.Logf("kill %2d after %3dms, %s: cursors %v, %d messages", i+1, delay.Milliseconds(), what, got.Cursors, len(got.Keys))
	}
	t.Logf("of %d kills, %d landed in the middle of the sync, %d before its first commit, %d after it had finished", crashKills, midway, stalled, late)
	if midway < crashKills/2 {
		t.Errorf("only %d of %d kills landed in the middle of the sync; the mailbox is too small for this machine", midway, crashKills)
	}
	crashSync(t, srv, path, crashChunk, -1)
	store, err := state.Open(context.Background(), path, state.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := diffState(snapState(t, store), clean); d != "" {
		t.Fatalf("after %d kills the completed sync differs from a clean run:\n%s", crashKills, d)
	}
}

// mountTmpfs mounts a tmpfs of the given size on a new temporary directory
// and returns it. Mounting needs root: without it the test is skipped,
// except under CI=true, where it fails instead.
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d,mode=0700", size), "tmpfs", dir).CombinedOutput()
	if err != nil {
		msg := fmt.Sprintf("cannot mount a tmpfs to make a small or read-only disk (%v: %s); this test needs root", err, bytes.TrimSpace(out))
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Logf("umount %s: %v: %s", dir, err, out)
			exec.Command("umount", "-l", dir).Run()
		}
	})
	return dir
}

func remount(t *testing.T, dir, mode string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s %s: %v: %s", dir, mode, err, out)
	}
}

// fillDisk writes a file into dir until the file system is full, then
// gives back room bytes, and returns the file's path.
func fillDisk(t *testing.T, dir string, room int64) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			fi, err := f.Stat()
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(max(fi.Size()-room, 0)); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
}

// When the disk holding the state fills up in the middle of a sync, the
// sync fails with an error that says so, the store keeps a consistent
// state (every batch whole or absent, never a cursor without its messages
// or the reverse), the daemon keeps retrying without losing anything, and
// once there is room again the state catches up with a clean run's.
func TestSyncStateDiskFull(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedDemo(t, srv, now)
	seedExtra(t, srv, now, 0, 100)
	dir := mountTmpfs(t, 16<<20)
	rg := newStateRig(t, srv, srv.Addr, dir, faultChunk, func(c *config.Config) { c.IMAP.Timeout = 2 * time.Second })
	if _, err := rg.tr.Sync(context.Background()); err != nil {
		t.Fatalf("sync with room to spare: %v", err)
	}
	seedExtra(t, srv, now, 100, 400)
	clean := cleanSnap(t, srv, faultChunk)

	// Room for a few batches, not for all of them.
	filler := fillDisk(t, dir, 256<<10)
	old := snapState(t, rg.store)
	_, err := rg.tr.Sync(context.Background())
	if err == nil {
		t.Fatal("a sync onto a full disk succeeded")
	}
	t.Logf("sync onto a full disk: %v", err)
	if !strings.Contains(err.Error(), "state") || !strings.Contains(err.Error(), "database or disk is full") {
		t.Errorf("the error %q does not say that the state could not be written because the disk is full", err)
	}
	if err := rg.store.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := snapState(t, rg.store)
	if d := diffPrefix(got, clean); d != "" {
		t.Fatalf("the failed sync left a partial batch:\n%s", d)
	}
	if diffState(got, clean) == "" {
		t.Fatal("the sync failed but everything was stored")
	}
	if maps.Equal(got.Cursors, old.Cursors) {
		t.Log("the disk was full from the first batch on")
	} else {
		t.Logf("the disk filled up after some batches: cursors went from %v to %v", old.Cursors, got.Cursors)
	}

	// The daemon meets the full disk too; it must keep trying, and
	// catch up on its own once there is room.
	run := startDaemon(rg.tr)
	defer run.stop()
	awaitCond(t, run, rg, 15*time.Second, "the daemon reporting the full disk", func() bool {
		return strings.Contains(rg.log.String(), "database or disk is full")
	})
	if l := rg.log.String(); !strings.Contains(l, "cannot save to the state database") || strings.Contains(l, "connection lost") {
		t.Errorf("the daemon's log blames the connection for a full disk, or does not say the state could not be saved:\n%s", l)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	awaitCond(t, run, rg, 20*time.Second, "catching up once there is room", func() bool { return rg.caughtUp(t, clean) })
	if err := run.stop(); err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if _, err := rg.tr.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := rg.store.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := diffState(snapState(t, rg.store), clean); d != "" {
		t.Fatalf("after the disk had room again the state differs from a clean run:\n%s", d)
	}
}

// A state file on a read-only file system cannot be opened for a sync: the
// error says which file and why, and nothing about the state changes; once
// the file system is writable again the sync picks up where it was.
func TestSyncStateReadOnly(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedDemo(t, srv, now)
	dir := mountTmpfs(t, 16<<20)
	rg := newStateRig(t, srv, srv.Addr, dir, faultChunk)
	if _, err := rg.tr.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := snapState(t, rg.store)
	rg.store.Close()
	seedExtra(t, srv, now, 0, 100)

	remount(t, dir, "ro")
	store, err := state.Open(context.Background(), rg.cfg.State.Path, state.Options{})
	if err == nil {
		store.Close()
		t.Fatal("the state opened for writing on a read-only file system")
	}
	t.Logf("opening a read-only state: %v", err)
	if !strings.Contains(err.Error(), rg.cfg.State.Path) || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("the error %q does not name the state file and say it is read-only", err)
	}

	remount(t, dir, "rw")
	store, err = state.Open(context.Background(), rg.cfg.State.Path, state.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if d := diffState(snapState(t, store), before); d != "" {
		t.Fatalf("the state changed while it was read-only:\n%s", d)
	}
	tr, err := tracker.New(rg.cfg, store, tracker.Deps{ChunkSize: faultChunk})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := diffState(snapState(t, store), cleanSnap(t, srv, faultChunk)); d != "" {
		t.Fatalf("after the file system was writable again the state differs from a clean run:\n%s", d)
	}
}

// The state file is the file the configuration names, whatever its path
// holds: a '#', '?' or '%' in a directory name must not send the database
// somewhere else or fail to open.
func TestStatePathIsTakenLiterally(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	seedDemo(t, srv, time.Now())
	want := cleanSnap(t, srv, faultChunk)
	base := t.TempDir()
	for _, name := range []string{"jobs#2026", "search?", "100%41"} {
		dir := filepath.Join(base, name)
		rg := newStateRig(t, srv, srv.Addr, dir, faultChunk)
		if _, err := rg.tr.Sync(context.Background()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rg.store.Close()
		if fi, err := os.Stat(rg.cfg.State.Path); err != nil || fi.Size() == 0 {
			t.Errorf("%s: after a sync the state file %s is missing or empty (%v)", name, rg.cfg.State.Path, err)
			continue
		}
		store, err := state.Open(context.Background(), rg.cfg.State.Path, state.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := snapState(t, store)
		store.Close()
		if len(got.Keys) != len(want.Keys) {
			t.Errorf("%s: the state file holds %d messages after a sync, want %d", name, len(got.Keys), len(want.Keys))
		}
	}
	entries, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			t.Errorf("a sync wrote %s, beside the state directories", e.Name())
		}
	}
}
