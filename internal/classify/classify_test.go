package classify

import (
	"strings"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

func msg(t *testing.T, headers, body string) *mailparse.Message {
	t.Helper()
	raw := headers
	if !strings.Contains(raw, "Date:") {
		raw += "Date: Wed, 04 Mar 2026 10:00:00 -0500\r\n"
	}
	raw += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body
	m, err := mailparse.ParseBytes([]byte(raw), mailparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const person = "From: Dana Whitfield <dana.whitfield@harborline.example>\r\nTo: sam@example.com\r\n"
const system = "From: Harborline Careers <no-reply@harborline.example>\r\nTo: sam@example.com\r\n"

// The traps real mail sets, each written for this test.
func TestTraps(t *testing.T) {
	cases := []struct {
		name, headers, body string
		want                Category
	}{
		{"warm rejection without unfortunately", system + "Subject: Your application\r\n",
			"Hi Sam, thanks for your time. We have decided to move ahead with candidates whose experience more closely matches what the team needs right now. We wish you every success.", Rejection},
		{"role filled", person + "Subject: Analyst role\r\n",
			"Hi Sam, I wanted to let you know that the role has been filled. It was a pleasure to meet you.", Rejection},
		{"no longer reviewing applicants", system + "Subject: Thanks for your interest in careers at Harborline\r\n",
			"Hello Sam, we appreciate the time you took to apply for the position: Analyst. We are no longer reviewing applicants for this position, but that does not have to be the end. If you see another opening, please apply.", Rejection},
		{"invitation followed by a supposition", person + "Subject: Re: Thank you\r\nIn-Reply-To: <t1@example.com>\r\n",
			"Thanks for the note. The panel was positive and we'd like to move you to the final round: a 45-minute chat with our VP, plus a short presentation on how you'd approach the launch plan.", InterviewInvitation},
		{"invitation in non-native English under a German subject", "From: \"Wolter, Anke\" <a.wolter@pixelhaus.example.de>\r\nTo: sam@example.com\r\nSubject: AW: Bewerbung Frontend Developer\r\nIn-Reply-To: <t2@example.com>\r\n",
			"Hello Sam, thank you for the nice talk. We want to invite you to a second round with our CTO. Possible dates for us: 16.10. at 10:00 or 17.10. at 14:00. Please tell me which date fits you better.", InterviewInvitation},
		{"a friend asking about an offer", "From: Kim Park <kim.park@gmail.com>\r\nTo: sam@example.com\r\nSubject: ??\r\n",
			"so how did the interview go?? did they make you an offer on the spot lol. still on for saturday?", Other},
		{"receipt offering to withdraw", system + "Subject: Application confirmation - Data Analyst\r\n",
			"Your application for the role below has been received. You can withdraw your application or update your details here: https://jobs.harborline.example/c/1", ApplicationReceived},
		{"a friend's own offer", "From: Jo Lin <jo.lin88@gmail.com>\r\nTo: sam@example.com\r\nSubject: I got it!!\r\n",
			"They called this afternoon and they're making me an offer, 135 base plus bonus. Drinks next week? Did the clinic ever get back to you?", Other},
		{"a friend asking for advice", "From: Jo Lin <jo.lin@proton.me>\r\nTo: sam@example.com\r\nSubject: need your help\r\n",
			"The recruiter said she needs an answer by Friday and I panicked. What would you ask for? Also did the fintech people get back to you after the panel?", Other},
		{"a founder's offer that never says offer", person + "Subject: Join us?\r\n",
			"Hi Sam, the team came out of Wednesday excited, and we'd love for you to join Harborline as our first data engineer. Here is what we propose:\r\nBase salary: $165,000\r\nEquity: 0.15% in options\r\nStart date: April 6\r\nGrab any time tomorrow to talk it through.", Offer},
		{"a verbal offer written down", person + "Subject: Summary of what we discussed\r\n",
			"Sam, thanks for the time on the phone tonight. Here is the summary: Title: Brand Manager. Base: $142,000. Bonus: 10% target. PTO: 20 days. Formal letter will follow from HR tomorrow. We're really hoping you'll say yes.", Offer},
		{"status after an onsite", person + "Subject: Thanks for interviewing with Harborline\r\n",
			"Thank you for spending the day with us! I'll be collecting feedback from each interviewer over the next few days. Typically the hiring team reaches a decision in 5-7 business days, and I'll reach out as soon as I have news.", RecruiterReply},
		{"an assessment platform's invitation that thanks for applying", "From: \"Harborline via HackerRank\" <no-reply@hackerrankforwork.com>\r\nTo: sam@example.com\r\nSubject: Harborline has invited you to a coding assessment\r\n",
			"Thank you for applying for the Backend Engineer position. As the next step in the hiring process, the team has invited you to complete an online coding assessment. Please complete the test within 7 days.", InterviewInvitation},
		{"a course's sale that downloads a free interview guide", "From: Ascend <hello@mail.ascend.example>\r\nTo: sam@example.com\r\nList-Id: <news.ascend.example>\r\nSubject: 48 hours left: land your dream job offer\r\n",
			"Your application to the spring cohort is still open, but this offer ends in 48 hours. You are receiving this because you downloaded our free interview cheat sheet. Unsubscribe.", Other},
		{"a one-word confirmation in an interview thread", person + "Subject: RE: Phone screen - Data Engineer\r\nIn-Reply-To: <t3@example.com>\r\n",
			"Confirmed.\r\n\r\nDana", InterviewInvitation},
		{"a cancelled slot with new times to come", person + "Subject: Canceled: System Design Interview\r\n",
			"So sorry for the late notice, your interviewer is out sick today, so I'm canceling this morning's slot. This is not a reflection on your candidacy at all. I'll reach out later today with new times.", InterviewInvitation},
		{"a cancelled final round because the requisition closed", person + "Subject: Canceled event: Final Round - Senior Data Analyst\r\n",
			"I'm canceling Tuesday's final round. Leadership has decided to close the Senior Data Analyst requisition, so we won't be continuing the process for this role.", Rejection},
		{"civil service: not referred", system + "Subject: Application Status Update - Program Specialist 2\r\n",
			"Thank you for applying for the position of Program Specialist 2. Your application has been reviewed. Based on this review, you were not referred to the hiring manager for further consideration for this position.", Rejection},
		{"an agency recruiter's submission update", "From: Darnell Price <dprice@keystonestaffing.example>\r\nTo: sam@example.com\r\nSubject: Submitted - Logistics Coordinator\r\n",
			"Quick update - I submitted your resume to Tri-County Freight this afternoon for the Logistics Coordinator role. Their hiring manager is going through submittals this week.", RecruiterReply},
		{"an admissions interview", "From: Graduate Admissions <gradadmissions@westbrook.example.edu>\r\nTo: sam@example.com\r\nSubject: Interview invitation - M.S. in Data Science applicant\r\n",
			"Thank you for applying to the Master of Science program. Your application has been reviewed by the admissions committee. We are pleased to invite you to a 20-minute admissions interview. Please choose a time in your applicant portal.", Other},
		{"a job digest that mentions an application", "From: JobSprout Alerts <alerts@jobsprout.example>\r\nTo: sam@example.com\r\nList-Id: <alerts.jobsprout.example>\r\nSubject: 12 new jobs for data engineer\r\n",
			"12 new jobs for data engineer. Senior Data Engineer - Lanternfish - Easy apply. Data Engineer II - Coral - Actively hiring. Staff Data Engineer - Quillmark - You applied to a job at this company. See all 12 jobs.", Other},
		{"a mock interview with a coach", "From: Kira Novak <kira@launchpadcoaching.example>\r\nTo: sam@example.com\r\nSubject: Confirmed: Mock interview session - Thu 3/12 at 5:00 PM ET\r\n",
			"You're booked! Our mock behavioral interview is Thursday 3/12 at 5:00 PM ET. Package: Interview Prep Bundle, session 2 of 3. I'll play a hiring manager and we'll debrief at the end.", Other},
		{"thanks for the loop, a decision to come", person + "Subject: Thanks for your time + next steps\r\n",
			"Thanks for taking the time to do the full interview loop with us this week. We're now collecting written feedback from each interviewer. Our usual turnaround for a decision at this stage is 5-7 business days.", RecruiterReply},
		{"a university's offer of a place", "From: Eastmoor Admissions <pg-admissions@eastmoor.example.ac.uk>\r\nTo: sam@example.com\r\nSubject: Congratulations - your offer to study MSc Data Science\r\n",
			"We're delighted to make you an offer of a place on our MSc Data Science. Log in to the applicant portal to accept or decline your offer, and pay your tuition fee deposit to secure your place.", Other},
		{"offer to someone else", person + "Subject: Update\r\n",
			"Sam, after the final round we extended an offer to another candidate, who accepted. Thank you for all the time you gave us.", Rejection},
		{"withdrawal confirmed", system + "Subject: Application withdrawn\r\n",
			"This confirms that your application has been withdrawn at your request.", Rejection},
		{"next step about other candidates", system + "Subject: Your application\r\n",
			"At this time we have moved other candidates forward to the next step in our hiring process.", Rejection},
		{"congratulations acknowledgement", system + "Subject: Application received\r\n",
			"Congratulations! We have received your application. If your profile matches the role, a recruiter will contact you to schedule an interview.", ApplicationReceived},
		{"acknowledgement describing the process", system + "Subject: Thanks for applying\r\n",
			"Thank you for applying. Our process includes a phone screen, a technical interview and an onsite. If selected, we will reach out to schedule an interview.", ApplicationReceived},
		{"assessment invitation", system + "Subject: Next step: online assessment\r\n",
			"Hi Sam, as the next step for the Data Analyst role, please complete the online assessment using the link below. It takes about 40 minutes.", InterviewInvitation},
		{"still interviewing", person + "Subject: Re: Following up\r\nIn-Reply-To: <abc@example.com>\r\n",
			"Hi Sam, unfortunately I don't have news yet. We are still interviewing and will update you by the 14th.", RecruiterReply},
		{"offer that never says offer", person + "Subject: Welcome!\r\n",
			"Sam, we would love to have you join the team as our analytics lead. Starting salary is $120,000 and your start date would be April 6.", Offer},
		{"cold outreach", person + "Subject: Opportunity\r\n",
			"Hi Sam, I came across your profile and think you would be a great fit for a role with my client. This is not a job offer, just a conversation. Are you open to new opportunities?", Other},
		{"job alert", "From: Jobs <alerts@jobs.example>\r\nTo: sam@example.com\r\nList-Unsubscribe: <mailto:u@jobs.example>\r\nSubject: 12 new jobs for you\r\n",
			"New jobs based on your profile. Apply now and get an interview fast. Interviewing now! Easy apply.", Other},
		{"out of office", "From: Dana <dana@harborline.example>\r\nTo: sam@example.com\r\nAuto-Submitted: auto-replied\r\nSubject: Automatic reply: Thank you\r\n",
			"I am out of the office until Monday, March 9, with limited access to email.", AutoReply},
		{"friend's holiday plans", "From: Kim Park <kim.park@gmail.com>\r\nTo: sam@example.com\r\nSubject: Re: Holiday plans\r\nIn-Reply-To: <h@example.com>\r\n",
			"Sounds great! I'm away from 20 December until 3 January so let's plan for after I'm back. I will be out of the office too, so no laptop.", Other},
		{"a friend asks for an evening", "From: Kim Park <kim.park@gmail.com>\r\nTo: sam@example.com\r\nSubject: Dinner on Saturday?\r\n",
			"Hey Sam, are you free Saturday evening? We could meet at 7pm at the Thai place and catch up. Let me know what time works for you.", Other},
		{"meter reading", "From: Voltwise Energy <billing@voltwise.example>\r\nTo: sam@example.com\r\nSubject: Meter reading reminder\r\n",
			"Dear customer, it is time to submit your meter reading. We have received your last reading on 2 October. Please submit your reading within 5 business days so we can process your account.", Other},
		{"dentist appointment", "From: Hughes Dental <reception@hughesdental.example>\r\nTo: sam@example.com\r\nSubject: Reminder: appointment on Tuesday\r\n",
			"This is a reminder of your appointment on Tuesday 10 March at 14:30 with Dr. Hughes. Please arrive 10 minutes early. If you need to reschedule, please call us.", Other},
		{"past vacation in a human reply", person + "Subject: Re: Checking in\r\nIn-Reply-To: <abc@example.com>\r\n",
			"Hi Sam, sorry for the slow reply, I was out of the office last week. Could you send me your availability for a call with the hiring manager next week?", InterviewInvitation},
		{"empty body, subject speaks", system + "Subject: Interview invitation: Data Analyst\r\n", "", InterviewInvitation},
		{"requisition closed", person + "Subject: Re: Analyst role\r\nIn-Reply-To: <abc@example.com>\r\n",
			"Hi Sam, leadership has decided to close this requisition rather than backfill it, so we won't be making a hire this year.", Rejection},
		{"offer to you not extended", person + "Subject: Outcome\r\n",
			"Sam, the panel felt two other finalists had deeper experience, so we will not be extending an offer to you for this role.", Rejection},
		{"informal no", system + "Subject: About your application\r\n",
			"Thank you so much for applying! We've been through every application now, and I'm afraid it's a no from us this time.", Rejection},
		{"French elided negation", system + "Subject: Votre candidature\r\n",
			"Bonjour, nous avons le regret de vous informer que votre candidature n'a pas été retenue.", Rejection},
		{"withdrawal with a negation nearby", person + "Subject: Re: Withdrawing\r\nIn-Reply-To: <abc@example.com>\r\n",
			"Thanks for letting me know! I've withdrawn your application, so you won't receive any further emails about it.", Rejection},
		{"offer with a call to talk it through", person + "Subject: Re: Final interview\r\nIn-Reply-To: <abc@example.com>\r\n",
			"I'm delighted to say the team wants to bring you on board. We're proposing a base salary of $90,000 and a start date of June 1. Are you free for a quick call this afternoon?", Offer},
		{"contract attached", person + "Subject: Your documents\r\n",
			"Dear Sam, please find attached your employment contract for the position of Backend Developer.", Offer},
		{"onboarding tasks are a request", "From: Acme <notifications@app.bamboohr.com>\r\nTo: sam@example.com\r\nSubject: Get ready for your first day\r\n",
			"Before your first day, please log in and complete your onboarding tasks: upload your identification documents and add your direct deposit details.", RecruiterReply},
		{"job board: application viewed", "From: LinkedIn <jobs-noreply@linkedin.com>\r\nTo: sam@example.com\r\nList-Unsubscribe: <mailto:u@linkedin.com>\r\nSubject: Your application was viewed\r\n",
			"Your application was viewed by Acme. Jobs similar to Analyst. See more jobs. Unsubscribe.", ApplicationReceived},
		{"portal notice without content", system + "Subject: There's an update on your application\r\n",
			"There has been an update to your application for Analyst. To view it, please log in to the career portal. This is an automatically generated email, please do not reply.", ApplicationReceived},
		{"podcast interview", "From: Nadia <nadia@brooks.example>\r\nTo: sam@example.com\r\nSubject: podcast interview?\r\n",
			"The podcast is finally happening and I'd love to interview you for episode 12. Would next Thursday at 4pm work?", Other},
		{"rental application declined", "From: Oakridge Leasing <leasing@oakridge.example>\r\nTo: sam@example.com\r\nSubject: Your rental application\r\n",
			"Thank you for applying to rent Unit 3B. We regret to inform you that we are unable to approve your rental application.", Other},
		{"relay signature is not outreach", "From: Acme via TestSite <no-reply@testsite.example>\r\nTo: sam@example.com\r\nSubject: You have been invited to take a test\r\n",
			"Acme has invited you to solve a programming test as part of the recruitment process for the Engineer position.\n\nTestSite on behalf of Acme", InterviewInvitation},
		{"declined payment is not a rejection", "From: Bank <alerts@bank.example>\r\nTo: sam@example.com\r\nSubject: Card alert\r\n",
			"Transaction status: declined. Unfortunately your card payment could not be processed.", Other},
		{"incomplete application is not a rejection", system + "Subject: Application received\r\n",
			"We have received your application. Please note that your application will not be considered complete until you upload your transcript.", ApplicationReceived},
		{"role between interview and confirmed", person + "Subject: Thursday\r\n",
			"Hi Sam, your interview for the Clinical Systems Engineer position is confirmed for Thursday, March 5 at 10:00 AM ET.", InterviewInvitation},
		{"reply in the invitation's thread is read by its body", person + "Subject: Re: Interview invitation - Travel Operations Analyst at Harborline\r\nIn-Reply-To: <abc@example.com>\r\n",
			"Hi Sam, thanks for the gracious reply, it is much appreciated. I'll keep you in mind for future openings on the team.", RecruiterReply},
		{"thanks for coming in is not an invitation", person + "Subject: Re: Thank you\r\nIn-Reply-To: <abc@example.com>\r\n",
			"Thanks for taking the time to come in for an interview on Tuesday. The team is still deciding and I'll let you know where we land next week.", RecruiterReply},
	}
	for _, c := range cases {
		r := Classify(msg(t, c.headers, c.body), Options{})
		if r.Category != c.want {
			t.Errorf("%s: got %s (%.2f) %v, want %s", c.name, r.Category, r.Confidence, r.Evidence, c.want)
		}
		if len(r.Evidence) == 0 {
			t.Errorf("%s: no evidence", c.name)
		}
	}
}

func TestNoFollowUp(t *testing.T) {
	boiler := Classify(msg(t, system+"Subject: Application received\r\n",
		"We received your application. This is an automated message, please do not reply to this email."), Options{})
	if boiler.NoFollowUp {
		t.Errorf("do-not-reply boilerplate must not set no_follow_up: %v", boiler.Evidence)
	}
	real := Classify(msg(t, system+"Subject: Application received\r\n",
		"We received your application. Please do not call or email regarding the status of your application."), Options{})
	if !real.NoFollowUp {
		t.Errorf("an explicit request not to follow up must set no_follow_up: %v", real.Evidence)
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The committee is still deciding. Please don't reach out again until we contact you.", true},
		{"Not interested? Reply no thanks and I won't reach out about this role again.", false},
		{"If there's anyone you'd prefer we not contact, e.g. your current manager, let me know.", false},
		{"We do not accept phone calls about the status of applications.", true},
	} {
		got := Classify(msg(t, person+"Subject: Re: Following up\r\nIn-Reply-To: <f1@example.com>\r\n", c.text), Options{})
		if got.NoFollowUp != c.want {
			t.Errorf("%q: no_follow_up %v, want %v (%v)", c.text, got.NoFollowUp, c.want, got.Evidence)
		}
	}
}

func TestResultDates(t *testing.T) {
	r := Classify(msg(t, person+"Subject: Re: Next steps\r\nIn-Reply-To: <abc@example.com>\r\n",
		"Hi Sam, we are still reviewing and we will get back to you within 5 business days."), Options{})
	if r.Category != RecruiterReply || r.Timeline != "2026-03-11" {
		t.Errorf("got %s timeline %q, want recruiter_reply 2026-03-11", r.Category, r.Timeline)
	}
	o := Classify(msg(t, "From: Dana <dana@harborline.example>\r\nTo: sam@example.com\r\nX-Autoreply: yes\r\nSubject: Out of office\r\n",
		"I'm out of office from March 19-25."), Options{})
	if o.Category != AutoReply || o.ReturnDate != "2026-03-26" {
		t.Errorf("got %s return %q, want auto_reply 2026-03-26", o.Category, o.ReturnDate)
	}
	i := Classify(msg(t, person+"Subject: Interview confirmation\r\n",
		"This confirms your interview on Tuesday, March 10 at 2:00 PM EST with the hiring manager."), Options{})
	if i.Category != InterviewInvitation || i.InterviewAt == nil || i.InterviewAt.Format("2006-01-02T15:04") != "2026-03-10T14:00" {
		t.Errorf("got %s at %v", i.Category, i.InterviewAt)
	}
}

func TestResultsValid(t *testing.T) {
	r := Classify(nil, Options{})
	if !r.Category.Valid() {
		t.Errorf("nil message: %v", r)
	}
	for _, c := range Categories {
		if !c.Valid() {
			t.Errorf("%s not valid", c)
		}
	}
	if DefaultReviewThreshold <= 0 || DefaultReviewThreshold >= 1 {
		t.Error("threshold out of range")
	}
}
