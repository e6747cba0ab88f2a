//go:build unix

// Command launcher runs one program and reports its wall time and resource
// usage as JSON on file descriptor 3. The benchmark harness starts every
// measured client through it: a child started directly by a large process
// inherits that process's resident size in its own peak RSS figure, one
// started by this small program only this program's.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

type report struct {
	Seconds    float64 `json:"seconds"`
	MaxRSS     int64   `json:"max_rss_bytes"`
	CPUSeconds float64 `json:"cpu_seconds"`
	ExitCode   int     `json:"exit_code"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: launcher PROGRAM [ARG...]")
		os.Exit(2)
	}
	out := os.NewFile(3, "report")
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	r := report{Seconds: time.Since(start).Seconds()}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			fmt.Fprintln(os.Stderr, "launcher:", err)
			os.Exit(127)
		}
	}
	r.ExitCode = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss * 1024
		r.CPUSeconds = float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
	}
	if out != nil {
		json.NewEncoder(out).Encode(r)
	}
	os.Exit(r.ExitCode)
}
