package policy_test

import (
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/policy"
)

func TestBusinessDays(t *testing.T) {
	c := cfg()
	for _, tc := range []struct {
		day  string
		want bool
	}{
		{"2026-03-06 12:00", true},  // Friday
		{"2026-03-07 12:00", false}, // Saturday
		{"2026-03-08 12:00", false}, // Sunday
		{"2025-12-23 12:00", true},  // the day before the quiet period
		{"2025-12-24 12:00", false}, // first quiet day
		{"2026-01-01 12:00", false}, // last quiet day
		{"2026-01-02 12:00", true},  // first business day after it
	} {
		if got := c.IsBusinessDay(at(tc.day)); got != tc.want {
			t.Errorf("IsBusinessDay(%s) = %v, want %v", at(tc.day).Format("Mon 2 Jan 2006"), got, tc.want)
		}
	}
}

func TestNextBusinessDay(t *testing.T) {
	c := cfg()
	for _, tc := range []struct{ in, want string }{
		{"2026-03-06 15:00", "2026-03-06 15:00"}, // a business day stays as it is
		{"2026-03-07 15:00", "2026-03-09 00:00"}, // Saturday: start of Monday
		{"2026-03-08 23:59", "2026-03-09 00:00"},
		{"2025-12-25 18:00", "2026-01-02 00:00"}, // Christmas: after the quiet period
		{"2026-12-31 09:00", "2027-01-04 00:00"}, // quiet period ending on a Friday, then a weekend
	} {
		if got := c.NextBusinessDay(at(tc.in)); !got.Equal(at(tc.want)) {
			t.Errorf("NextBusinessDay(%s) = %s, want %s", tc.in, got.In(ny).Format("Mon 2006-01-02 15:04"), tc.want)
		}
	}
}

func TestAddBusinessDays(t *testing.T) {
	c := cfg()
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"2026-03-12 00:00", 2, "2026-03-16 00:00"}, // Thursday + 2 = Monday
		{"2026-03-06 10:00", 1, "2026-03-09 10:00"}, // Friday + 1 = Monday, same clock
		{"2026-03-07 10:00", 1, "2026-03-09 10:00"}, // from a Saturday
		{"2025-12-23 00:00", 1, "2026-01-02 00:00"}, // over the holidays
		{"2025-12-23 00:00", 2, "2026-01-05 00:00"},
		{"2026-03-12 09:00", 0, "2026-03-12 09:00"},
	} {
		if got := c.AddBusinessDays(at(tc.in), tc.n); !got.Equal(at(tc.want)) {
			t.Errorf("AddBusinessDays(%s, %d) = %s, want %s", tc.in, tc.n, got.In(ny).Format("Mon 2006-01-02 15:04"), tc.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	summer := policy.Period{FromMonth: time.July, FromDay: 28, ToMonth: time.August, ToDay: 8}
	winter := policy.Period{FromMonth: time.December, FromDay: 24, ToMonth: time.January, ToDay: 1}
	for _, tc := range []struct {
		p    policy.Period
		day  string
		want bool
	}{
		{summer, "2026-07-27 12:00", false}, {summer, "2026-07-28 00:00", true}, {summer, "2026-08-08 23:00", true}, {summer, "2026-08-09 00:00", false},
		{winter, "2025-12-23 23:59", false}, {winter, "2025-12-31 12:00", true}, {winter, "2026-01-01 12:00", true}, {winter, "2026-01-02 00:00", false},
	} {
		if got := tc.p.Contains(at(tc.day)); got != tc.want {
			t.Errorf("%s contains %s = %v, want %v", tc.p, tc.day, got, tc.want)
		}
	}
	if s := winter.String(); s != "Dec 24 - Jan 1" {
		t.Errorf("String() = %q", s)
	}
}

func TestParseDay(t *testing.T) {
	c := cfg()
	d, err := c.ParseDay("2026-03-12")
	if err != nil || !d.Equal(at("2026-03-12 00:00")) {
		t.Errorf("ParseDay = %s, %v", d, err)
	}
	if _, err := c.ParseDay("next Thursday"); err == nil {
		t.Error("ParseDay accepted a phrase")
	}
}
