package classify

import (
	"testing"
	"time"
)

func day(t *testing.T, s string, zone string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	d, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTimeline(t *testing.T) {
	// 2026-03-04 is a Wednesday; 2025-11-13 a Thursday; 2025-07-29 a Tuesday.
	cases := []struct {
		text, sent, zone, want string
	}{
		{"We will get back to you within 5 business days.", "2026-03-04 10:00", "America/New_York", "2026-03-11"},
		{"You will hear from us within 3 business days.", "2025-11-13 22:40", "America/Los_Angeles", "2025-11-18"},
		{"Expect a reply in 5-7 business days.", "2026-03-04 10:00", "UTC", "2026-03-13"},
		{"Our review takes 5 to 10 business days.", "2024-07-16 11:31", "UTC", "2024-07-30"},
		{"We'll update you by Friday.", "2026-03-04 10:00", "UTC", "2026-03-06"},
		{"We'll update you by Friday.", "2026-03-06 10:00", "UTC", "2026-03-13"},
		{"We plan to make a decision next week.", "2026-03-04 10:00", "UTC", "2026-03-13"},
		{"We expect to decide by the end of the month.", "2026-02-10 10:00", "UTC", "2026-02-28"},
		{"I will update you by the 14th.", "2025-01-20 10:00", "UTC", "2025-02-14"},
		{"I will update you by the 14th.", "2025-01-02 10:00", "UTC", "2025-01-14"},
		{"We will contact you by May 15 if selected.", "2026-04-01 10:00", "UTC", "2026-05-15"},
		{"We aim to respond within two weeks.", "2025-07-08 10:00", "UTC", "2025-07-22"},
		{"We'll come back to you within 48 hours with next steps.", "2025-06-03 10:00", "UTC", "2025-06-05"},
		{"Wir melden uns innerhalb von drei Wochen bei Ihnen.", "2025-08-12 10:00", "Europe/Berlin", "2025-09-02"},
		{"Te responderemos en un plazo máximo de 15 días.", "2025-05-27 10:00", "Europe/Madrid", "2025-06-11"},
		// Vague wording and other promises give nothing.
		{"We will be in touch shortly.", "2026-03-04 10:00", "UTC", ""},
		{"You will hear from us in the coming weeks.", "2026-03-04 10:00", "UTC", ""},
		{"We will respond as soon as possible.", "2026-03-04 10:00", "UTC", ""},
		{"Accommodation requests are answered within 48 hours.", "2026-03-04 10:00", "UTC", ""},
		{"Please complete the test within 7 days.", "2026-03-04 10:00", "UTC", ""},
		{"This offer will remain open for 5 business days.", "2026-03-04 10:00", "UTC", ""},
		{"Your phone screen is on Friday at 11:00 AM ET.", "2026-03-04 10:00", "UTC", ""},
		{"The team met on Tuesday to review your file.", "2026-03-04 10:00", "UTC", ""},
		// Real-world forms: a named day after "end of day", a range with
		// "the next", and windows counted from something else.
		{"We'll have a decision for you by end of day Thursday.", "2026-03-02 10:00", "America/Chicago", "2026-03-05"},
		{"You should hear from us within the next 7-10 business days.", "2025-11-04 17:20", "America/Los_Angeles", "2025-11-18"},
		{"We aim to make a final decision no later than March 14.", "2026-02-26 15:40", "America/Chicago", "2026-03-14"},
		{"I'd expect to have an answer for you by mid-next week.", "2026-05-20 12:00", "Europe/London", ""},
		{"We'll review it and get back to you within 2 business days of receiving it.", "2026-01-14 16:30", "America/New_York", ""},
		{"We aim to respond to all applicants within 10 working days of the closing date.", "2026-02-04 11:00", "UTC", ""},
		{"For accommodations, contact support; we aim to reply within 48 hours.", "2026-04-02 15:00", "UTC", ""},
		// Business hours are business days; a duration is not a window; a
		// promise about the request the sentence before describes is not
		// about the application.
		{"We'll get back to you within 48 business hours.", "2026-03-06 10:00", "UTC", "2026-03-10"},
		{"We will review your profile: Data Analyst at Northpoint (8 months), Intern at Foo (5 months).", "2026-03-04 10:00", "UTC", ""},
		{"If you need an adjustment because of a disability, email access@example.com. We will respond to your request within 2 business days.", "2026-03-04 10:00", "UTC", ""},
		// Our own review we complete is a window; the candidate's task is
		// not; "today" alone is the present, not a window; the candidate's
		// answer by a day is their deadline.
		{"We expect to complete the initial review for this posting within two weeks.", "2025-06-06 16:10", "America/Chicago", "2025-06-20"},
		{"The next step is a video interview, which you can complete at any time within the next 5 days.", "2026-02-15 10:00", "UTC", ""},
		{"Te daremos una respuesta en las próximas dos semanas.", "2026-01-14 12:00", "Europe/Madrid", "2026-01-28"},
		{"I hope to have something concrete for you by end of week.", "2025-12-02 21:15", "America/Los_Angeles", "2025-12-05"},
		{"We're wrapping up the last interviews today and I expect to have an update early next week.", "2026-01-30 17:20", "America/New_York", ""},
		{"We'd love to have your answer by Friday so we can close the search.", "2026-03-10 15:19", "America/New_York", ""},
		// "w/c" is the week commencing: its Friday; a date on the next line
		// after "by" is still the date; a turnaround "is" a window; a day
		// named before any word of answering is something else's; the
		// candidate's answer wanted by a day is their deadline.
		{"I expect to come back to you with an update w/c 12 January.", "2025-12-19 15:32", "Europe/London", "2026-01-16"},
		{"Our hiring managers will review all applications after the closing date, and you will hear from us by\n14/03 whether or not you have been selected.", "2026-03-02 09:00", "Europe/London", "2026-03-14"},
		{"Our usual turnaround for a decision at this stage is 5-7 business days.", "2026-03-06 12:15", "America/New_York", "2026-03-17"},
		{"We debrief as a team on Monday, and Lauren will reach out early next week.", "2026-03-06 09:10", "America/New_York", ""},
		{"We'd love to have an answer by Friday, March 27, but let me know if you need more time.", "2026-03-20 10:00", "America/New_York", ""},
		// A weekday written with its date is the date.
		{"We will get back to you by Friday, March 20.", "2026-03-09 10:00", "America/New_York", "2026-03-20"},
		{"You'll hear from us by Fri, Mar 20 at the latest.", "2026-03-09 10:00", "UTC", "2026-03-20"},
		{"We'll have a decision before Thursday 19 March.", "2026-03-09 10:00", "Europe/London", "2026-03-19"},
	}
	for _, c := range cases {
		got, _ := Timeline(c.text, day(t, c.sent, c.zone))
		if got != c.want {
			t.Errorf("Timeline(%q, %s %s) = %q, want %q", c.text, c.sent, c.zone, got, c.want)
		}
	}
}

func TestTimelineNoDate(t *testing.T) {
	if got, _ := Timeline("We will reply within 5 business days.", time.Time{}); got != "" {
		t.Errorf("no message date should give no timeline, got %q", got)
	}
}

func TestReturnDate(t *testing.T) {
	cases := []struct {
		text, sent, want string
	}{
		{"I am out of the office and will be back on Monday, March 17.", "2025-03-12 10:00", "2025-03-17"},
		{"I'm out of office from March 19-25 with limited access to email.", "2026-03-18 10:00", "2026-03-26"},
		{"I am away until the 5th.", "2025-07-30 10:00", "2025-08-05"},
		{"Out of the office, returning 2 January.", "2025-12-23 10:00", "2026-01-02"},
		{"I'm at a conference 10/14-10/16 and back in the office 10/17.", "2025-10-13 10:00", "2025-10-17"},
		{"Away Wednesday through Friday this week, back Monday.", "2025-05-14 10:00", "2025-05-19"},
		{"I will not return until 07/28/2025.", "2025-07-20 10:00", "2025-07-28"},
		{"Je suis absente du 4 au 15 août inclus, de retour le lundi 18 août.", "2025-08-04 10:00", "2025-08-18"},
		{"Estoy de vacaciones del 22 de diciembre al 6 de enero. Regreso el 7 de enero.", "2025-12-22 10:00", "2026-01-07"},
		{"I am out of the office with no set return date.", "2025-03-12 10:00", ""},
		{"I'm away until w/c 12 January and won't be checking email.", "2025-12-30 08:00", "2026-01-12"},
	}
	for _, c := range cases {
		sent := day(t, c.sent, "America/New_York")
		got, _ := ReturnDate(c.text, sent)
		if got != c.want {
			t.Errorf("ReturnDate(%q, %s) = %q, want %q", c.text, c.sent, got, c.want)
		}
	}
}

func TestInterviewTime(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	cases := []struct {
		text, sent string
		want       time.Time
		ok         bool
	}{
		{"This confirms your interview on Tuesday, March 4 at 2:00 PM EST.", "2025-02-27 09:00",
			time.Date(2025, 3, 4, 14, 0, 0, 0, ny), true},
		{"Can you do a call tomorrow at 11?", "2025-05-06 09:00",
			time.Date(2025, 5, 7, 11, 0, 0, 0, ny), true},
		{"The panel is on September 16 at 1pm PT.", "2025-09-09 09:00",
			time.Date(2025, 9, 16, 16, 0, 0, 0, ny), true},
		// A choice of slots fixes no time.
		{"Would Thursday, May 8 at 10am or Friday, May 9 at 3pm work?", "2025-05-05 09:00", time.Time{}, false},
		{"We will be in touch about next steps.", "2025-05-05 09:00", time.Time{}, false},
		{"Please plan for Wednesday, April 8, starting at 9:00 AM MT.", "2026-03-30 09:00",
			time.Date(2026, 4, 8, 11, 0, 0, 0, ny), true},
		{"You're confirmed for Thursday (4/2) at 11:30 Eastern with Jae-won.", "2026-03-30 13:15",
			time.Date(2026, 4, 2, 11, 30, 0, 0, ny), true},
		// A deadline is not an appointment.
		{"This invitation expires on 20 February 2026 at 23:59 GMT.", "2026-02-15 09:00", time.Time{}, false},
	}
	for _, c := range cases {
		got, _, ok := InterviewTime(c.text, day(t, c.sent, "America/New_York"))
		if ok != c.ok || ok && !got.Equal(c.want) {
			t.Errorf("InterviewTime(%q) = %v, %v; want %v, %v", c.text, got, ok, c.want, c.ok)
		}
	}
}

func TestBusinessDays(t *testing.T) {
	fri := time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)
	if got := addBusinessDays(fri, 1).Format(dayLayout); got != "2026-03-09" {
		t.Errorf("one business day after Friday = %s, want Monday 2026-03-09", got)
	}
	sat := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	if got := addBusinessDays(sat, 5).Format(dayLayout); got != "2026-03-13" {
		t.Errorf("five business days after Saturday = %s, want 2026-03-13", got)
	}
}
