package policy

import (
	"fmt"
	"time"
)

// Contains reports whether the day of the year falls in the period, both
// ends included. A period may wrap the new year (Dec 24 - Jan 1).
func (p Period) Contains(t time.Time) bool {
	md := func(m time.Month, d int) int { return int(m)*100 + d }
	x, from, to := md(t.Month(), t.Day()), md(p.FromMonth, p.FromDay), md(p.ToMonth, p.ToDay)
	if from <= to {
		return from <= x && x <= to
	}
	return x >= from || x <= to
}

// String formats the period as "Dec 24 - Jan 1".
func (p Period) String() string {
	return fmt.Sprintf("%s %d - %s %d", p.FromMonth.String()[:3], p.FromDay, p.ToMonth.String()[:3], p.ToDay)
}

// Loc is the time zone the policy reckons days in: Location, or the local
// zone when it is nil.
func (c Config) Loc() *time.Location {
	if c.Location == nil {
		return time.Local
	}
	return c.Location
}

// InQuietPeriod reports whether t's day, in the policy's zone, falls in one
// of the quiet periods.
func (c Config) InQuietPeriod(t time.Time) bool {
	t = t.In(c.Loc())
	for _, p := range c.QuietPeriods {
		if p.Contains(t) {
			return true
		}
	}
	return false
}

// IsBusinessDay reports whether t's day, in the policy's zone, is a weekday
// outside every quiet period.
func (c Config) IsBusinessDay(t time.Time) bool {
	t = t.In(c.Loc())
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !c.InQuietPeriod(t)
}

// NextBusinessDay returns t itself when it falls on a business day, and
// otherwise the start (00:00) of the first business day after it.
func (c Config) NextBusinessDay(t time.Time) time.Time {
	if t.IsZero() || c.IsBusinessDay(t) {
		return t
	}
	d := StartOfDay(t, c.Loc())
	for i := 0; i < 800; i++ { // a year of quiet days would still end
		d = addDays(d, 1)
		if c.IsBusinessDay(d) {
			return d
		}
	}
	return d
}

// AddBusinessDays returns the day n business days after t's day, at t's
// clock time. Weekends and quiet periods are skipped and not counted. A
// non-positive n gives t back unchanged.
func (c Config) AddBusinessDays(t time.Time, n int) time.Time {
	if n <= 0 || t.IsZero() {
		return t
	}
	d := t.In(c.Loc())
	for i := 0; n > 0 && i < 800+n; i++ {
		d = addDays(d, 1)
		if c.IsBusinessDay(d) {
			n--
		}
	}
	return d
}

// ParseDay reads a YYYY-MM-DD day as its start (00:00) in the policy's zone.
func (c Config) ParseDay(s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, c.Loc())
	if err != nil {
		return time.Time{}, fmt.Errorf("policy: %q is not a day like 2026-03-05: %w", s, err)
	}
	return t, nil
}

// StartOfDay returns 00:00 of t's day in loc.
func StartOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// after adds d to t. Whole days are counted on the calendar, keeping the
// wall clock time across daylight saving changes ("a week after Tuesday
// 18:00" is the next Tuesday at 18:00).
func (c Config) after(t time.Time, d time.Duration) time.Time {
	const day = 24 * time.Hour
	if d%day != 0 || t.IsZero() {
		return t.Add(d)
	}
	return addDays(t.In(c.Loc()), int(d/day))
}

// addDays moves t by n calendar days, keeping its wall clock time across
// daylight saving changes.
func addDays(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+n, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}
