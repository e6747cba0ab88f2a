//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/state"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

// throughputResult is the classifier's and the parser's speed on one core.
type throughputResult struct {
	SampleMessages int     `json:"sample_messages"`
	SampleBytes    int64   `json:"sample_bytes"`
	ClassifyPerSec float64 `json:"classify_per_sec"`
	ParsePerSec    float64 `json:"parse_per_sec"`
	ParseMBPerSec  float64 `json:"parse_mb_per_sec"`
}

// measureThroughput parses the sample over and over for a few seconds,
// then classifies the parsed messages over and over, with one P.
func measureThroughput(raws [][]byte, me string) (throughputResult, error) {
	var tp throughputResult
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	msgs := make([]*mailparse.Message, len(raws))
	for i, raw := range raws {
		m, err := mailparse.ParseBytes(raw, mailparse.Limits{})
		if err != nil {
			return tp, fmt.Errorf("parsing sample message %d: %w", i, err)
		}
		msgs[i] = m
	}
	runtime.GC()
	const minDur = 3 * time.Second
	n, bytesRead := 0, int64(0)
	t := time.Now()
	for n < len(raws) || time.Since(t) < minDur {
		raw := raws[n%len(raws)]
		if _, err := mailparse.ParseBytes(raw, mailparse.Limits{}); err != nil {
			return tp, err
		}
		bytesRead += int64(len(raw))
		n++
	}
	el := time.Since(t).Seconds()
	tp.ParsePerSec = float64(n) / el
	tp.ParseMBPerSec = float64(bytesRead) / 1e6 / el
	runtime.GC()
	opts := classify.Options{UserAddresses: []string{me}}
	n = 0
	t = time.Now()
	for n < len(msgs) || time.Since(t) < minDur {
		classify.Classify(msgs[n%len(msgs)], opts)
		n++
	}
	tp.ClassifyPerSec = float64(n) / time.Since(t).Seconds()
	return tp, nil
}

// profileSync runs a first sync in this process with the CPU profiler on,
// and keeps the heap profile taken when the heap was largest.
func profileSync(ctx context.Context, addr, user, pass, me, db, dir string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	cfg := config.Default()
	cfg.IMAP.Provider, cfg.IMAP.Host, cfg.IMAP.TLS = "custom", host, "none"
	cfg.IMAP.Port, _ = strconv.Atoi(port)
	cfg.IMAP.Username, cfg.IMAP.Password = user, pass
	cfg.Me.Addresses = []string{me}
	cfg.State.Path = db
	if err := cfg.Validate(config.Need{IMAP: true}); err != nil {
		return err
	}
	store, err := state.Open(ctx, db, state.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	t, err := tracker.New(cfg, store, tracker.Deps{})
	if err != nil {
		return err
	}
	cpu, err := os.Create(filepath.Join(dir, "sync.cpu.pprof"))
	if err != nil {
		return err
	}
	defer cpu.Close()
	var peak struct {
		sync.Mutex
		inuse uint64
		prof  bytes.Buffer
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.inuse {
				peak.Lock()
				peak.inuse = ms.HeapInuse
				peak.prof.Reset()
				pprof.Lookup("heap").WriteTo(&peak.prof, 0)
				peak.Unlock()
			}
		}
	}()
	if err := pprof.StartCPUProfile(cpu); err != nil {
		return err
	}
	st, err := t.Sync(ctx)
	pprof.StopCPUProfile()
	close(stop)
	wg.Wait()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "sync.heap.pprof"), peak.prof.Bytes(), 0o644); err != nil {
		return err
	}
	allocs, err := os.Create(filepath.Join(dir, "sync.allocs.pprof"))
	if err != nil {
		return err
	}
	defer allocs.Close()
	if err := pprof.Lookup("allocs").WriteTo(allocs, 0); err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("profiled sync of %s: %d examined, %d read, %d stored in %s; peak heap in use %.0f MB, %.0f MB allocated in all\n",
		strings.Join(st.Mailboxes, ", "), st.Seen, st.Bodies, st.Stored, st.Duration.Round(time.Millisecond), float64(peak.inuse)/1e6, float64(ms.TotalAlloc)/1e6)
	return nil
}
