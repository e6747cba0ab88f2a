package employer

import (
	"strings"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// addr reads "Name <local@domain>" or a bare address.
func addr(s string) mailparse.Address {
	s = strings.TrimSpace(s)
	if s == "" {
		return mailparse.Address{}
	}
	i := strings.LastIndexByte(s, '<')
	if i < 0 {
		return mailparse.Address{Addr: s}
	}
	return mailparse.Address{
		Name: strings.Trim(strings.TrimSpace(s[:i]), `"`),
		Addr: strings.TrimSuffix(s[i+1:], ">"),
	}
}

// msg builds a message from a sender, a subject and the sender's own words.
func msg(from, subject, text string) mailparse.Message {
	return mailparse.Message{From: addr(from), Subject: subject, Text: text}
}

func withReplyTo(m mailparse.Message, rt string) mailparse.Message {
	m.ReplyTo = append(m.ReplyTo, addr(rt))
	return m
}

func withQuoted(m mailparse.Message, quoted string) mailparse.Message {
	m.Quoted = quoted
	return m
}

func withSignature(m mailparse.Message, sig string) mailparse.Message {
	m.Signature = sig
	return m
}

type want struct {
	company, key, domain string
	role, roleKey        string
	relay                string
	free                 bool
}

var identifyCases = []struct {
	name string
	m    mailparse.Message
	want want
}{
	// Relays: the company comes from the display name or the text.
	{
		name: "greenhouse display name and subject",
		m: msg("Acme Robotics <no-reply@us.greenhouse-mail.io>", "Thank you for applying to Acme Robotics",
			"Hi Sam,\n\nThanks for your interest in Acme Robotics! We have received your application for the Senior Data Analyst position and our team will review it shortly.\n\nThe Acme Robotics Recruiting Team"),
		want: want{company: "Acme Robotics", key: "acme robotics", role: "Senior Data Analyst", roleKey: "senior data analyst", relay: "greenhouse.io"},
	},
	{
		name: "same relay, second company",
		m: msg("Initech <no-reply@us.greenhouse-mail.io>", "Thank you for applying to Initech",
			"Hello Sam,\n\nWe received your application for the Backend Engineer role. If your background is a match, a recruiter will reach out.\n\nInitech Talent Acquisition"),
		want: want{company: "Initech", key: "initech", role: "Backend Engineer", roleKey: "backend engineer", relay: "greenhouse.io"},
	},
	{
		name: "lever person display name, company in body",
		m: msg("Dana Kim <no-reply@hire.lever.co>", "Following up",
			"Hi Sam,\n\nThanks again for your interest in Globex Logistics. I'd like to set up a 30 minute call to talk through the Platform Engineer role.\n\nDana"),
		want: want{company: "Globex Logistics", key: "globex logistics", role: "Platform Engineer", roleKey: "platform engineer", relay: "lever.co"},
	},
	{
		name: "lever person display name, company from Reply-To",
		m: withReplyTo(msg("Dana Kim <no-reply@hire.lever.co>", "Quick question",
			"Hi Sam, are you free on Thursday afternoon for a short call?"), "Dana Kim <dana.kim@globex.example>"),
		want: want{company: "Globex", key: "globex", relay: "lever.co"},
	},
	{
		name: "Reply-To display name with recruiting words",
		m: withReplyTo(msg("Greenhouse <no-reply@greenhouse.io>", "Scheduling your interview",
			"Please pick a time that suits you using the link below."), "Fernhill Recruiting <recruiting@fernhill.example>"),
		want: want{company: "Fernhill", key: "fernhill", relay: "greenhouse.io"},
	},
	{
		name: "display name via relay",
		m:    msg("Acme via Greenhouse <no-reply@greenhouse.io>", "Your application", "We have your application and will be in touch."),
		want: want{company: "Acme", key: "acme", relay: "greenhouse.io"},
	},
	{
		name: "display name talent at company",
		m:    msg("Talent at Wavecrest <no-reply@ashbyhq.com>", "An update", "Thanks for your patience while we reviewed applications."),
		want: want{company: "Wavecrest", key: "wavecrest", relay: "ashbyhq.com"},
	},
	{
		name: "display name hiring team",
		m: msg("Quarry Hiring Team <no-reply@ashbyhq.com>", "Thanks for applying!",
			"We got your application for the Solutions Architect role and will review it soon."),
		want: want{company: "Quarry", key: "quarry", role: "Solutions Architect", roleKey: "solutions architect", relay: "ashbyhq.com"},
	},
	{
		name: "display name person from company",
		m:    msg("Dana from Brightwater <no-reply@hire.lever.co>", "Next steps", "Could you send over two times that work for a first chat?"),
		want: want{company: "Brightwater", key: "brightwater", relay: "lever.co"},
	},
	{
		name: "smartrecruiters has received your application",
		m: msg("no-reply@smartrecruiters.com", "Application received",
			"Dear Sam,\n\nSable Systems has received your application for the QA Engineer role. We will contact you if your profile matches our needs."),
		want: want{company: "Sable Systems", key: "sable systems", role: "QA Engineer", roleKey: "qa engineer", relay: "smartrecruiters.com"},
	},
	{
		name: "dayforce display name careers",
		m:    msg("Pinnacle Foods Careers <noreply@dayforcehcm.com>", "Application status", "Your application status has changed. Sign in to see more."),
		want: want{company: "Pinnacle Foods", key: "pinnacle foods", relay: "dayforcehcm.com"},
	},
	{
		name: "taleo display name",
		m: msg("Sunridge Medical Careers <noreply@taleo.net>", "Thank you for your application",
			"Thank you for applying to the position of Radiographer (Req 22-0419) at Sunridge Medical."),
		want: want{company: "Sunridge Medical", key: "sunridge medical", role: "Radiographer", roleKey: "radiographer", relay: "taleo.net"},
	},
	{
		name: "all capitals subject",
		m:    msg("no-reply@hire.lever.co", "THANK YOU FOR APPLYING TO ZENITH LABS", "We will review your application soon."),
		want: want{company: "ZENITH LABS", key: "zenith labs", relay: "lever.co"},
	},
	{
		name: "signature names the company",
		m: withSignature(msg("Workday <donotreply@myworkday.com>", "Application received",
			"Thank you. We have received your application and will review it."), "Regards,\nMarlow Pharma Talent Acquisition"),
		want: want{company: "Marlow Pharma", key: "marlow pharma", relay: "myworkday.com"},
	},

	// Hiring system tenants.
	{
		name: "workday tenant address and phrase",
		m: msg("Meridian Bank <meridianbank@myworkday.com>", "Thank you for your application",
			"Dear Sam,\n\nThank you for applying for Credit Risk Analyst at Meridian Bank. You can follow your application at https://meridianbank.wd3.myworkdayjobs.com/en-US/External.\n\nMeridian Bank Careers"),
		want: want{company: "Meridian Bank", key: "meridian bank", role: "Credit Risk Analyst", roleKey: "credit risk analyst", relay: "myworkday.com"},
	},
	{
		name: "workday tenant from link only",
		m: msg("donotreply@myworkday.com", "Please verify your account",
			"Please sign in at https://halcyon.wd5.myworkdayjobs.com/careers/login to verify your candidate account."),
		want: want{company: "Halcyon", key: "halcyon", relay: "myworkday.com"},
	},
	{
		name: "workday tenant local part",
		m:    msg("civicworks@myworkday.com", "Password reset", "A password reset was requested for your candidate account."),
		want: want{company: "Civicworks", key: "civicworks", relay: "myworkday.com"},
	},
	{
		name: "lever job link",
		m: msg("no-reply@hire.lever.co", "Your application",
			"We received your application. You can view the posting at https://jobs.lever.co/mosaic/5c1e2f3a-0b9d-4e3c-9a51-8f0d6b2c7e11."),
		want: want{company: "Mosaic", key: "mosaic", relay: "lever.co"},
	},
	{
		name: "greenhouse board link",
		m: msg("no-reply@greenhouse.io", "Application confirmation",
			"See other openings: https://boards.greenhouse.io/tidewater/jobs/4012345"),
		want: want{company: "Tidewater", key: "tidewater", relay: "greenhouse.io"},
	},
	{
		name: "icims careers subdomain link",
		m: msg("no-reply@icims.com", "Your profile",
			"Log in at https://careers-pinegrove.icims.com/jobs/login to update your profile."),
		want: want{company: "Pinegrove", key: "pinegrove", relay: "icims.com"},
	},
	{
		name: "smartrecruiters camel-case link",
		m: msg("no-reply@smartrecruiters.com", "Job you may like",
			"Take a look: https://jobs.smartrecruiters.com/BlueHarborFoods/743999-line-cook"),
		want: want{company: "Blue Harbor Foods", key: "blue harbor foods", relay: "smartrecruiters.com"},
	},

	// Job boards.
	{
		name: "linkedin application sent",
		m: msg("LinkedIn <jobs-noreply@linkedin.com>", "Sam, your application was sent to Quantum Pixel",
			"Your application was sent to Quantum Pixel\n\nJunior Game Designer\nQuantum Pixel · Manchester (Hybrid)\nApplied on 3 March\n\nView similar jobs"),
		want: want{company: "Quantum Pixel", key: "quantum pixel", role: "Junior Game Designer", roleKey: "junior game designer", relay: "linkedin.com"},
	},
	{
		name: "indeed application submitted subject",
		m: msg("Indeed Apply <indeedapply@indeed.com>", "Application submitted: Warehouse Operations Supervisor - Harlow Freight - Reno, NV",
			"The following items were sent to the employer: your resume and answers to screener questions."),
		want: want{company: "Harlow Freight", key: "harlow freight", role: "Warehouse Operations Supervisor", roleKey: "warehouse operations supervisor", relay: "indeed.com"},
	},
	{
		name: "indeed application submitted body",
		m: msg("Indeed <donotreply@indeed.com>", "Indeed Application: Dental Hygienist",
			"Application submitted\n\nDental Hygienist\nBright Smile Dental - Columbus, OH\n\nGood luck!"),
		want: want{company: "Bright Smile Dental", key: "bright smile dental", role: "Dental Hygienist", roleKey: "dental hygienist", relay: "indeed.com"},
	},
	{
		name: "job alert lists many companies",
		m: msg("Indeed <alert@indeed.com>", "Pelican Freight is hiring for Backend Engineer + 9 more golang jobs",
			"Backend Engineer\nPelican Freight - Remote\n\nGo Developer\nJunco Robotics - Austin, TX\n\nJunco Robotics is hiring. Apply now."),
		want: want{company: "Pelican Freight", key: "pelican freight", role: "Backend Engineer", roleKey: "backend engineer", relay: "indeed.com"},
	},
	{
		name: "glassdoor you applied to",
		m: msg("Glassdoor <noreply@glassdoor.com>", "You applied to Junior Actuary at Wexford Mutual",
			"Keep track of your application in your Glassdoor account."),
		want: want{company: "Wexford Mutual", key: "wexford mutual", role: "Junior Actuary", roleKey: "junior actuary", relay: "glassdoor.com"},
	},

	// The company's own domain.
	{
		name: "careers subdomain with generic display name",
		m: msg("Careers <careers@mail.acme-robotics.example>", "We received your application",
			"Thank you for your application. Our team is reviewing it now."),
		want: want{company: "Acme Robotics", key: "acme robotics", domain: "acme-robotics.example"},
	},
	{
		name: "person at company domain",
		m: msg("Dana Kim <dana.kim@acme-robotics.example>", "Re: Data Analyst role",
			"Hi Sam, thanks for getting back to me so quickly. Does Tuesday at 2pm work?"),
		want: want{company: "Acme Robotics", key: "acme robotics", domain: "acme-robotics.example", role: "Data Analyst", roleKey: "data analyst"},
	},
	{
		name: "short name in subject, longer name from domain",
		m: msg("Priya Raman <priya@acme-analytics.example>", "Senior Data Analyst at Acme",
			"Hi Sam,\n\nI came across your profile and would love to chat."),
		want: want{company: "Acme Analytics", key: "acme analytics", domain: "acme-analytics.example", role: "Senior Data Analyst", roleKey: "senior data analyst"},
	},
	{
		name: "display name legal suffix matches domain",
		m:    msg("Acme Robotics, Inc. <jobs@acmerobotics.example>", "Application update", "We have an update on your application."),
		want: want{company: "Acme Robotics", key: "acme robotics", domain: "acmerobotics.example"},
	},
	{
		name: "gmbh and umlaut",
		m: msg("Bergmann Systeme GmbH <karriere@bergmann-systeme.example>", "Ihre Bewerbung",
			"Thank you for your application for the position of Backend Developer (m/w/d) - München."),
		want: want{company: "Bergmann Systeme", key: "bergmann systeme", domain: "bergmann-systeme.example", role: "Backend Developer", roleKey: "backend developer"},
	},
	{
		name: "co.uk domain",
		m: msg("Talent Team <recruitment@jobs.brambleworks.co.uk>", "Your application",
			"Thanks for applying for the role of Quantity Surveyor with us."),
		want: want{company: "Brambleworks", key: "brambleworks", domain: "brambleworks.co.uk", role: "Quantity Surveyor", roleKey: "quantity surveyor"},
	},
	{
		name: "com.au domain",
		m:    msg("Noah Clarke <noah.clarke@hr.kookaburra-energy.com.au>", "Interview for Field Technician", "Hi Sam, can you make Friday?"),
		want: want{company: "Kookaburra Energy", key: "kookaburra energy", domain: "kookaburra-energy.com.au", role: "Field Technician", roleKey: "field technician"},
	},
	{
		name: "text name agrees with run-together domain",
		m: msg("Aisha Rahman <aisha@lumenhealth.example>", "Interview availability",
			"Hi Sam,\n\nThanks for your interest in Lumen Health. Could you share your availability next week for the Patient Apps Engineer role?"),
		want: want{company: "Lumen Health", key: "lumen health", domain: "lumenhealth.example", role: "Patient Apps Engineer", roleKey: "patient apps engineer"},
	},
	{
		name: "ampersand name agrees with domain",
		m:    msg("Harbor & Pine Talent <talent@harborpine.example>", "We received your application - Site Reliability Engineer", "Thanks for applying."),
		want: want{company: "Harbor & Pine", key: "harbor pine", domain: "harborpine.example", role: "Site Reliability Engineer", roleKey: "site reliability engineer"},
	},
	{
		name: "company domain, company only in sign-off",
		m: msg("Olivia Brennan <olivia.brennan@kestrel.example>", "Checking in",
			"Hi Sam,\n\nJust checking in after our call.\n\nOlivia Brennan\nRecruiter, Kestrel Insurance"),
		want: want{company: "Kestrel Insurance", key: "kestrel insurance", domain: "kestrel.example"},
	},
	{
		name: "recruiter title in signature is not the role",
		m: msg("Dana Kim <dana@orchardlabs.example>", "Quick chat?",
			"Hi Sam,\nAre you free Thursday for a chat?\n\nDana Kim\nSenior Technical Recruiter"),
		want: want{company: "Orchardlabs", key: "orchardlabs", domain: "orchardlabs.example"},
	},

	// Free mail.
	{
		name: "free mail person, nothing in text",
		m:    msg("Priya Shah <priya.shah1987@gmail.com>", "Coffee next week?", "Hey! Want to grab coffee next week?"),
		want: want{free: true},
	},
	{
		name: "free mail company-looking display name is not used",
		m:    msg("Acme Recruiting <acme.recruiting@gmail.com>", "Opportunity", "Hi, I saw your profile and wanted to reach out."),
		want: want{free: true},
	},
	{
		name: "free mail recruiter names the company",
		m: msg("Marco Bianchi <marco.bianchi@outlook.com>", "Opportunity",
			"Hi Sam, I'm reaching out on behalf of Northwind Analytics about a Data Engineer opening on their team."),
		want: want{company: "Northwind Analytics", key: "northwind analytics", role: "Data Engineer", roleKey: "data engineer", free: true},
	},
	{
		name: "free mail country domain",
		m:    msg("Tom <tom_h@hotmail.co.uk>", "Hello", "Long time no see."),
		want: want{free: true},
	},
	{
		name: "quoted text is not read",
		m: withQuoted(msg("Sam's friend <friend@yahoo.fr>", "Re: news", "Sounds good, see you then."),
			"> Thank you for applying to Globex for the Senior Data Analyst position."),
		want: want{free: true},
	},

	// Agencies.
	{
		name: "agency writing without naming the client",
		m: msg("James Porter <james.porter@hays.example>", "Data Engineer contract",
			"Hi Sam,\n\nI have a Data Engineer contract with one of our clients in Leeds. Are you open to a chat?\n\nJames Porter\nHays Recruitment"),
		want: want{company: "Hays", key: "hays", domain: "hays.example", role: "Data Engineer", roleKey: "data engineer"},
	},
	{
		name: "agency naming the client",
		m: msg("Robert Half <alerts@roberthalf.example>", "Senior Accountant opportunity",
			"Hi Sam,\n\nMy client, Fenwick Dynamics, is looking for a Senior Accountant. I'm a recruiter at Robert Half and would love to introduce you."),
		want: want{company: "Fenwick Dynamics", key: "fenwick dynamics", role: "Senior Accountant", roleKey: "senior accountant"},
	},
	{
		name: "agency display name that looks like a person",
		m: msg("Robert Half <jobs@roberthalf.example>", "Financial Analyst role",
			"Hi Sam, I am recruiting for a Financial Analyst role with a client in Denver."),
		want: want{company: "Robert Half", key: "robert half", domain: "roberthalf.example", role: "Financial Analyst", roleKey: "financial analyst"},
	},

	// Phrases.
	{
		name: "your application at",
		m:    msg("no-reply@ashbyhq.com", "Your application at Ferro Labs", "Thanks, we'll review it soon."),
		want: want{company: "Ferro Labs", key: "ferro labs", relay: "ashbyhq.com"},
	},
	{
		name: "your application with",
		m:    msg("noreply@bamboohr.com", "Your application with Copperline", "We appreciate your interest."),
		want: want{company: "Copperline", key: "copperline", relay: "bamboohr.com"},
	},
	{
		name: "interest in joining",
		m:    msg("noreply@workable.com", "Thanks!", "Thank you for your interest in joining Heliotrope. We read every application."),
		want: want{company: "Heliotrope", key: "heliotrope", relay: "workable.com"},
	},
	{
		name: "position at",
		m: msg("Greenhouse <no-reply@greenhouse.io>", "Application received",
			"We're glad you're interested in the Staff Engineer position at Oakridge Labs."),
		want: want{company: "Oakridge Labs", key: "oakridge labs", role: "Staff Engineer", roleKey: "staff engineer", relay: "greenhouse.io"},
	},
	{
		name: "the team sign-off",
		m:    msg("noreply@breezy.hr", "Thanks for applying", "We will be in touch.\n\nCheers,\nthe Corvid Analytics team"),
		want: want{company: "Corvid Analytics", key: "corvid analytics", relay: "breezy.hr"},
	},
	{
		name: "join company",
		m: msg("no-reply@ashbyhq.com", "Good news",
			"We'd love for you to join Finch Mobility. Your recruiter will call you today."),
		want: want{company: "Finch Mobility", key: "finch mobility", relay: "ashbyhq.com"},
	},
	{
		name: "company is hiring in subject",
		m:    msg("ZipRecruiter <alerts@ziprecruiter.com>", "Orbit Dynamics is hiring: Controls Engineer", "Apply in one click."),
		want: want{company: "Orbit Dynamics", key: "orbit dynamics", role: "Controls Engineer", roleKey: "controls engineer", relay: "ziprecruiter.com"},
	},
	{
		name: "workday applying for role at company",
		m: msg("Northgate Energy <northgate@myworkday.com>", "Application received",
			"Thank you for applying for Reservoir Engineer at Northgate Energy, Inc. We will be in touch."),
		want: want{company: "Northgate Energy", key: "northgate energy", role: "Reservoir Engineer", roleKey: "reservoir engineer", relay: "myworkday.com"},
	},
	{
		name: "company name leads the subject",
		m:    msg("Civic Ledger <civicledger@myworkday.com>", "Civic Ledger: Application Received - Software Engineer II (R-20417)", ""),
		want: want{company: "Civic Ledger", key: "civic ledger", role: "Software Engineer II", roleKey: "software engineer ii", relay: "myworkday.com"},
	},
	{
		name: "calendar invitation subject",
		m: msg("Tom Alvarez <tom.alvarez@northwind.example>", "Invitation: Northwind Logistics: Interview - Platform Engineer (Sam Rivera) @ Tue Mar 3, 2026 2pm - 3pm (PST)",
			"Tom Alvarez has invited you to the following event."),
		want: want{company: "Northwind Logistics", key: "northwind logistics", domain: "northwind.example", role: "Platform Engineer", roleKey: "platform engineer"},
	},

	// Roles.
	{
		name: "requisition id and remote stripped",
		m:    msg("no-reply@ashbyhq.com", "Your application: Backend Engineer (Remote) - R12345", ""),
		want: want{role: "Backend Engineer", roleKey: "backend engineer", relay: "ashbyhq.com"},
	},
	{
		name: "JR id stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Application for Payroll Specialist JR-2044", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Payroll Specialist", roleKey: "payroll specialist"},
	},
	{
		name: "hash id stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Interview invitation - Product Designer #4471", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Product Designer", roleKey: "product designer"},
	},
	{
		name: "req id label stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Application received: Data Scientist, Req ID: 88213", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Data Scientist", roleKey: "data scientist"},
	},
	{
		name: "location after dash stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Application received: Site Reliability Engineer - Berlin", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Site Reliability Engineer", roleKey: "site reliability engineer"},
	},
	{
		name: "location in parentheses stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Your application for Account Executive (London, UK)", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Account Executive", roleKey: "account executive"},
	},
	{
		name: "city and state after comma stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Application for Nurse Practitioner, Austin, TX", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Nurse Practitioner", roleKey: "nurse practitioner"},
	},
	{
		name: "hybrid after dash stripped",
		m:    msg("Acme Careers <careers@acme.example>", "Interview for UX Researcher - Hybrid", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "UX Researcher", roleKey: "ux researcher"},
	},
	{
		name: "abbreviation spelled out in key",
		m:    msg("Acme Careers <careers@acme.example>", "Application for Sr. Product Designer", ""),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Sr. Product Designer", roleKey: "senior product designer"},
	},
	{
		name: "role of in body",
		m: msg("Acme Careers <careers@acme.example>", "Next steps",
			"We'd like to invite you to interview for the role of Clinical Data Manager."),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Clinical Data Manager", roleKey: "clinical data manager"},
	},
	{
		name: "position of in body with reference and place",
		m: msg("Acme Careers <careers@acme.example>", "Your application",
			"You are being considered for the position of Logistics Coordinator (Ref 5521) in Rotterdam."),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Logistics Coordinator", roleKey: "logistics coordinator"},
	},
	{
		name: "role line in body",
		m: msg("Acme Careers <careers@acme.example>", "Interview confirmed",
			"Hi Sam,\n\nRole: Staff Platform Engineer\nWhen: Tuesday 10:00\nWhere: Video call"),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Staff Platform Engineer", roleKey: "staff platform engineer"},
	},
	{
		name: "role word without a job noun",
		m:    msg("Acme Careers <careers@acme.example>", "Re: Growth Marketing role", "Thanks Sam, talk soon."),
		want: want{company: "Acme", key: "acme", domain: "acme.example", role: "Growth Marketing", roleKey: "growth marketing"},
	},
	{
		name: "not a role: process words only",
		m: msg("Acme Careers <careers@acme.example>", "Your application",
			"Thanks for your application. We'll be in touch about the next step in the process."),
		want: want{company: "Acme", key: "acme", domain: "acme.example"},
	},
	{
		name: "same company, second role",
		m: msg("Acme Robotics <no-reply@us.greenhouse-mail.io>", "Thank you for applying to Acme Robotics",
			"We have received your application for the Machine Learning Engineer position."),
		want: want{company: "Acme Robotics", key: "acme robotics", role: "Machine Learning Engineer", roleKey: "machine learning engineer", relay: "greenhouse.io"},
	},
	{
		name: "role with interview trailing word",
		m:    msg("Theo Brandt <theo.brandt@saltmarsh.example>", "Re: Thank you - Backend Engineer, Live Services interview", "It was great to meet you too."),
		want: want{company: "Saltmarsh", key: "saltmarsh", domain: "saltmarsh.example", role: "Backend Engineer, Live Services", roleKey: "backend engineer live services"},
	},

	{
		name: "flattened page runs company into title",
		m: msg("no-reply@hire.lever.co", "Update",
			"Thank you for applying to Acme Robotics Data Analyst Remote View your application"),
		want: want{company: "Acme Robotics", key: "acme robotics", role: "Data Analyst", roleKey: "data analyst", relay: "lever.co"},
	},
	{
		name: "here at company",
		m:    msg("no-reply@ashbyhq.com", "Thanks", "Hi Sam, thanks for applying! Here at Tallyho, we read every application ourselves."),
		want: want{company: "Tallyho", key: "tallyho", relay: "ashbyhq.com"},
	},
	{
		name: "careers link text on company domain",
		m:    msg("news@acme.example", "This month at Acme", "Visit Acme Careers at https://acme.example/careers to see open roles."),
		want: want{company: "Acme", key: "acme", domain: "acme.example"},
	},
	{
		name: "linkedin message from a recruiter",
		m: msg("Dana Kim via LinkedIn <inmail-hit-reply@linkedin.com>", "Opportunity",
			"Hi Sam, I'm a Technical Recruiter at Acme Robotics and we're hiring a Staff Data Engineer. Interested?"),
		want: want{company: "Acme Robotics", key: "acme robotics", role: "Staff Data Engineer", roleKey: "staff data engineer", relay: "linkedin.com"},
	},
	{
		name: "rejection names the role only",
		m: msg("no-reply@hire.lever.co", "Update",
			"We regret to inform you that we will not be moving forward with your candidacy for the Data Analyst position."),
		want: want{role: "Data Analyst", roleKey: "data analyst", relay: "lever.co"},
	},
	{
		name: "post of with office",
		m: msg("HR <hr@ledgerline.example>", "Interview",
			"Dear Sam, we are pleased to invite you to an interview for the post of Graduate Trainee Accountant at our Leeds office."),
		want: want{company: "Ledgerline", key: "ledgerline", domain: "ledgerline.example", role: "Graduate Trainee Accountant", roleKey: "graduate trainee accountant"},
	},
	{
		name: "opportunity for a role",
		m: msg("Jane Doe <jane.doe@company.example>", "Job opportunity",
			"Hi Sam, we have an exciting opportunity for a Go Developer in our Amsterdam office."),
		want: want{domain: "company.example", role: "Go Developer", roleKey: "go developer"},
	},
	{
		name: "meeting links are not companies",
		m:    msg("no-reply@greenhouse.io", "Your interview", "Join Zoom Meeting https://zoom.us/j/123456\nYour interview with Dana Kim is confirmed."),
		want: want{relay: "greenhouse.io"},
	},

	// A subject led by the job title: the lead is the role, not the company.
	{
		name: "subject led by the job title",
		m: msg("Dana Whitcomb <dana.whitcomb@saltmarsh.example>", "Gameplay Programmer - interview with Dana",
			"Hi Sam, I'd like to invite you to a technical interview with me on Tuesday, March 17 at 1 PM."),
		want: want{company: "Saltmarsh", key: "saltmarsh", domain: "saltmarsh.example", role: "Gameplay Programmer", roleKey: "gameplay programmer"},
	},
	{
		name: "subject led by a three-word job title",
		m: msg("Felix Romero <felix.romero@windrose.example>", "Travel Operations Analyst - final interview",
			"Hi Sam, we would like to invite you to a final interview next week."),
		want: want{company: "Windrose", key: "windrose", domain: "windrose.example", role: "Travel Operations Analyst", roleKey: "travel operations analyst"},
	},

	// A domain written out in the signature.
	{
		name: "domain label spelled out in the signature",
		m: withSignature(msg("Marcus Bell <mbell@tidewaterlogistics.com>", "Re: Phone screen",
			"Perfect, let's do Thursday at 2pm. I'll call you on the number from your resume."),
			"Marcus Bell | Talent Acquisition Partner\nTidewater Logistics\nO: 504-555-0172"),
		want: want{company: "Tidewater Logistics", key: "tidewater logistics", domain: "tidewaterlogistics.com"},
	},
	{
		name: "a scheduling tool's confirmation is not a company",
		m: msg("Verdant Energy Systems <notifications@goodtime.io>", "Confirmed: Hiring Manager Interview - Project Engineer II on Aug 28",
			"Your interview is confirmed."),
		want: want{company: "Verdant Energy Systems", key: "verdant energy systems", relay: "goodtime.io", role: "Project Engineer II", roleKey: "project engineer ii"},
	},
	{
		name: "the recruiter's own title is not the job",
		m: msg("Tasha Greene <tasha.greene@wovenpath.com>", "Re: Request to reschedule - Technical interview",
			"Thursday at 3pm works, I have moved it.\n\nTasha Greene | Recruiting Coordinator | WovenPath"),
		want: want{company: "WovenPath", key: "wovenpath", domain: "wovenpath.com"},
	},
	{
		name: "a German subject's words of application are not the title",
		m: msg("Brandauer Logistik GmbH <no-reply@brandauer-logistik.jobs.personio.de>", "Ihre Bewerbung als Data Engineer (m/w/d)",
			"Vielen Dank für Ihre Bewerbung."),
		want: want{company: "Brandauer Logistik", key: "brandauer logistik", relay: "personio.de", role: "Data Engineer", roleKey: "data engineer"},
	},
	// Nothing to go on.
	{
		name: "relay with nothing to go on",
		m:    msg("no-reply@greenhouse-mail.io", "Update", "Please log in to your candidate portal to see an update."),
		want: want{relay: "greenhouse.io"},
	},
	{
		name: "empty message",
		m:    mailparse.Message{},
		want: want{},
	},
}

func TestIdentify(t *testing.T) {
	for _, tc := range identifyCases {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			got := Identify(&m)
			w := tc.want
			if got.Company != w.company || got.CompanyKey != w.key || got.Domain != w.domain ||
				got.Role != w.role || got.RoleKey != w.roleKey || got.Relay != w.relay || got.FreeMail != w.free {
				t.Errorf("got  company=%q key=%q domain=%q role=%q roleKey=%q relay=%q free=%v\nwant company=%q key=%q domain=%q role=%q roleKey=%q relay=%q free=%v\nevidence: %q",
					got.Company, got.CompanyKey, got.Domain, got.Role, got.RoleKey, got.Relay, got.FreeMail,
					w.company, w.key, w.domain, w.role, w.roleKey, w.relay, w.free, got.Evidence)
			}
			if got.Company != "" && len(got.Evidence) == 0 {
				t.Errorf("company %q without evidence", got.Company)
			}
		})
	}
}

func TestIdentifyNil(t *testing.T) {
	if got := Identify(nil); got.Company != "" || got.Role != "" || got.Evidence != nil {
		t.Errorf("Identify(nil) = %+v", got)
	}
}

// Two companies behind one relay are two applications; so are two roles
// at one company.
func TestIdentifySeparates(t *testing.T) {
	byName := map[string]Identity{}
	for _, tc := range identifyCases {
		m := tc.m
		byName[tc.name] = Identify(&m)
	}
	a, b := byName["greenhouse display name and subject"], byName["same relay, second company"]
	if a.Relay != b.Relay || a.CompanyKey == b.CompanyKey {
		t.Errorf("same relay: keys %q and %q should differ, relays %q and %q should match", a.CompanyKey, b.CompanyKey, a.Relay, b.Relay)
	}
	c := byName["same company, second role"]
	if a.CompanyKey != c.CompanyKey || a.RoleKey == c.RoleKey {
		t.Errorf("same company: keys %q and %q should match, roles %q and %q should differ", a.CompanyKey, c.CompanyKey, a.RoleKey, c.RoleKey)
	}
}

func TestIdentifyRawMessage(t *testing.T) {
	raw := "From: \"Lumen Health Careers\" <careers@lumenhealth.example>\r\n" +
		"To: Sam Rivera <sam.rivera@example.com>\r\n" +
		"Subject: We received your application - Software Engineer, Patient Apps\r\n" +
		"Date: Mon, 02 Mar 2026 09:15:00 +0000\r\n" +
		"Message-ID: <ack-1@lumenhealth.example>\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"\r\n" +
		"Dear Sam,\r\n\r\n" +
		"Thank you for applying for the Software Engineer, Patient Apps position at Lumen Health.\r\n\r\n" +
		"Kind regards,\r\nLumen Health Talent Acquisition\r\n\r\n" +
		"On Sun, Mar 1, 2026, Sam wrote:\r\n> I applied to Globex yesterday.\r\n"
	m, err := mailparse.ParseBytes([]byte(raw), mailparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got := Identify(m)
	if got.Company != "Lumen Health" || got.CompanyKey != "lumen health" || got.Domain != "lumenhealth.example" ||
		got.Role != "Software Engineer, Patient Apps" || got.RoleKey != "software engineer patient apps" {
		t.Errorf("got %+v", got)
	}
}

func TestCompanyKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Acme Robotics, Inc.", "acme robotics"},
		{"ACME Robotics", "acme robotics"},
		{"acme-robotics.example", "acme robotics"},
		{"Acme Robotics Recruiting", "acme robotics"},
		{"Acme Robotics Talent Acquisition Team", "acme robotics"},
		{"The Acme Robotics Company", "acme robotics"},
		{"Acme Robotics LLC", "acme robotics"},
		{"Acme Robotics Ltd.", "acme robotics"},
		{"Acme Robotics plc", "acme robotics"},
		{"Acme Robotics Corp", "acme robotics"},
		{"Acme Robotics GmbH & Co. KG", "acme robotics"},
		{"Acme Robotics Careers", "acme robotics"},
		{"Acme Robotics Hiring Team", "acme robotics"},
		{"Acme Robotics HR", "acme robotics"},
		{"Acme Robotics Jobs", "acme robotics"},
		{"Acme via Greenhouse", "acme"},
		{"Talent at Acme", "acme"},
		{"Careers at Acme", "acme"},
		{"Harbor & Pine", "harbor pine"},
		{"Harbor and Pine", "harbor pine"},
		{"Société Générale", "societe generale"},
		{"Müller GmbH", "muller"},
		{"McDonald's", "mcdonalds"},
		{"Amazon.com", "amazon"},
		{"careers.acme.co.uk", "acme"},
		{"Careers", ""},
		{"Recruiting Team", ""},
		{"", ""},
	} {
		if got := CompanyKey(tc.in); got != tc.want {
			t.Errorf("CompanyKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRoleKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Senior Data Analyst", "senior data analyst"},
		{"Sr. Data Analyst", "senior data analyst"},
		{"Senior Data Analyst (Remote) - R12345", "senior data analyst"},
		{"Backend Engineer - JR-2044", "backend engineer"},
		{"Product Designer #4471", "product designer"},
		{"Data Scientist, Req ID: 88213", "data scientist"},
		{"Site Reliability Engineer - Berlin", "site reliability engineer"},
		{"Account Executive (London, UK)", "account executive"},
		{"Nurse Practitioner, Austin, TX", "nurse practitioner"},
		{"Backend Developer (m/w/d)", "backend developer"},
		{"Data Analyst role", "data analyst"},
		{"Research & Development Engineer", "research and development engineer"},
		{"Head of Data", "head of data"},
		{"Software Engineer, Patient Apps", "software engineer patient apps"},
		{"Jr Frontend Developer - Remote (US)", "junior frontend developer"},
		{"", ""},
	} {
		if got := RoleKey(tc.in); got != tc.want {
			t.Errorf("RoleKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsRelay(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"greenhouse.io", "greenhouse.io", true},
		{"us.greenhouse-mail.io", "greenhouse.io", true},
		{"hire.lever.co", "lever.co", true},
		{"wd5.myworkday.com", "myworkday.com", true},
		{"acme.wd5.myworkdayjobs.com", "myworkday.com", true},
		{"ashbyhq.com", "ashbyhq.com", true},
		{"talent.icims.com", "icims.com", true},
		{"linkedin.com", "linkedin.com", true},
		{"indeedemail.com", "indeed.com", true},
		{"applytojob.com", "jazzhr.com", true},
		{"eu.smartrecruiters.com", "smartrecruiters.com", true},
		{"Calendly.com", "calendly.com", true},
		{"ats.rippling.com", "rippling.com", true},
		{"rippling.com", "", false},
		{"acme.example", "", false},
		{"notlever.co", "", false},
		{"gmail.com", "", false},
		{"", "", false},
	} {
		got, ok := IsRelay(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("IsRelay(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIsFreeMail(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"gmail.com", true}, {"googlemail.com", true}, {"outlook.com", true}, {"hotmail.co.uk", true},
		{"yahoo.com", true}, {"yahoo.fr", true}, {"icloud.com", true}, {"proton.me", true},
		{"protonmail.com", true}, {"aol.com", true}, {"gmx.de", true}, {"web.de", true},
		{"acme.example", false}, {"greenhouse.io", false}, {"mail.acme.co.uk", false}, {"", false},
	} {
		if got := IsFreeMail(tc.in); got != tc.want {
			t.Errorf("IsFreeMail(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestRegistrableDomain(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"mail.acme.co.uk", "acme.co.uk"},
		{"acme.co.uk", "acme.co.uk"},
		{"careers.acme.com", "acme.com"},
		{"hr.kookaburra.com.au", "kookaburra.com.au"},
		{"jobs.acme.co.jp", "acme.co.jp"},
		{"talent.acme.com.br", "acme.com.br"},
		{"us.greenhouse-mail.io", "greenhouse-mail.io"},
		{"acme-robotics.example", "acme-robotics.example"},
		{"MAIL.Acme.Example.", "acme.example"},
		{"co.uk", "co.uk"},
		{"localhost", "localhost"},
		{"192.0.2.1", "192.0.2.1"},
		{"", ""},
	} {
		if got := RegistrableDomain(tc.in); got != tc.want {
			t.Errorf("RegistrableDomain(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTenants(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://acme.wd5.myworkdayjobs.com/en-US/External/job/123", "acme"},
		{"https://careers-pinegrove.icims.com/jobs/1/login", "pinegrove"},
		{"https://boards.greenhouse.io/tidewater/jobs/4012345", "tidewater"},
		{"https://job-boards.greenhouse.io/tidewater", "tidewater"},
		{"https://jobs.lever.co/mosaic/abc", "mosaic"},
		{"https://jobs.ashbyhq.com/Lumora/123", "lumora"},
		{"https://apply.workable.com/heliotrope/j/ABC/", "heliotrope"},
		{"https://jobs.smartrecruiters.com/BlueHarborFoods/1-cook", "blue-harbor-foods"},
		{"https://kestrel.bamboohr.com/careers/12", "kestrel"},
		{"https://career5.successfactors.eu/career?company=acme", ""},
		{"https://engage.indeed.com/x", ""},
		{"https://calendly.com/dana-kim/30min", ""},
		{"https://www.linkedin.com/comm/jobs/view/1", ""},
		{"https://acme.example/careers", ""},
		{"not a url", ""},
	} {
		if got := tenantFromURL(tc.in); got != tc.want {
			t.Errorf("tenantFromURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ addr, want string }{
		{"civicworks@myworkday.com", "civicworks"},
		{"donotreply@myworkday.com", ""},
		{"no-reply@acme.wd3.myworkdayjobs.com", "acme"},
		{"notifications@pinegrove.bamboohr.com", "pinegrove"},
		{"no-reply@us.greenhouse-mail.io", ""},
		{"no-reply@hire.lever.co", ""},
	} {
		a := addr(tc.addr)
		if got := tenantFromAddress(a.Addr, a.Domain()); got != tc.want {
			t.Errorf("tenantFromAddress(%q) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}

func TestSameCompany(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Acme", "Acme Robotics", true},
		{"Acme Robotics, Inc.", "acme-robotics.example", true},
		{"Lumen Health", "lumenhealth", true},
		{"Acme", "Acmex", false},
		{"Acme Robotics", "Initech", false},
		{"Careers", "Acme", false},
	} {
		if got := SameCompany(tc.a, tc.b); got != tc.want {
			t.Errorf("SameCompany(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestLooksLikePerson(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Dana Kim", true},
		{"Mary-Jane O'Neil", true},
		{"Kim, Dana", true},
		{"J. Alvarez Ruiz", true},
		{"dana kim", true},
		{"Dana", true},
		{"Acme Robotics", false},
		{"Acme Recruiting", false},
		{"Quillfeather", false},
		{"Brightline Analytics", false},
		{"No Reply", false},
		{"Acme Robotics via Greenhouse", false},
	} {
		if got := looksLikePerson(tc.in); got != tc.want {
			t.Errorf("looksLikePerson(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// Long or hostile input must not take long or break anything.
func TestIdentifyLargeText(t *testing.T) {
	text := strings.Repeat("Acme Robotics is hiring a Data Analyst in London. ", 20000) + "é"
	m := msg("alerts@linkedin.com", strings.Repeat("Job alert ", 200), text)
	got := Identify(&m)
	if got.CompanyKey != "acme robotics" {
		t.Errorf("got %+v", got)
	}
}
