package digest

import "testing"

func TestThankYouDoesNotAnswerTheCalendarRobot(t *testing.T) {
	for subj, want := range map[string]bool{
		"Invitation: Technical interview - Backend Engineer @ Tue Mar 3, 2026 2pm - 3pm (EST) (sam@example.com)": true,
		"Updated invitation: Onsite @ Wed Mar 4, 2026 10am - 12pm (PST)":                                         true,
		"Interview invitation - Data Analyst":                                                                    false,
		"Next steps for the Data Analyst role":                                                                   false,
	} {
		if got := calendarSubject(subj); got != want {
			t.Errorf("calendarSubject(%q) = %v, want %v", subj, got, want)
		}
	}
}
