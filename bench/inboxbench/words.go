//go:build linux

package main

import (
	"math/rand/v2"
	"strings"
)

// The word lists and phrases the generator builds mail from.

// fillerWords fill subject lines and identifiers.
var fillerWords = strings.Fields(`garden market weekend season kitchen library studio station museum theatre
harbour coffee dinner lunch recipe bread soup salad cake tea wine cheese fruit book film album podcast
story series episode photo map travel trip flight train hotel beach mountain river lake island village
weather spring summer autumn winter design music art history science nature health football tennis
running cycling picnic concert festival gallery bakery`)

var givenNames = strings.Fields(`Alex Jordan Taylor Morgan Casey Riley Jamie Avery Quinn Drew Robin Sasha
Priya Arjun Mei Chen Lukas Anna Marta Tomasz Ines Pedro Sofia Luca Emma Noah Olivia Liam Ava Ethan
Hannah Jonas Leila Omar Yara Kenji Aiko Nadia Ivan Elena Mateo Camila Zoe Felix Clara Hugo Alice
Rosa Samir Dana Kofi Amara Tariq Nina Oskar Freya Magnus Ingrid`)

var familyNames = strings.Fields(`Nguyen Patel Garcia Smith Johnson Kowalski Rossi Müller Dubois Silva
Kim Tanaka Okafor Haddad Novak Jensen Larsen Costa Moreau Becker Schmidt Fischer Weber Hughes Evans
Walsh Murphy Byrne Lindqvist Andersson Berg Horvat Popescu Ivanova Santos Ortega Ramos Cohen Levi
Mensah Owusu Adeyemi Khan Ahmed Ali Chopra Iyer Rao Wong Lim Tan Park Choi Sato Suzuki`)

var freeMail = []string{"gmail.com", "gmail.com", "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "hotmail.co.uk"}

// Fictional employers: first and second halves of company names.
var companyFirst = strings.Fields(`Bluefin Quill North Harbor Copper Silver Lantern Granite Maple Cobalt
Juniper Aster Tidal Summit Orchid Falcon Willow Ember Atlas Cedar Nimbus Polar Beacon Crescent Meridian
Saffron Indigo Kestrel Larch Orbit Pioneer Quartz Redwood Sable Tundra Umber Vantage Wren Zephyr Basalt
Cinder Delta Fjord Glacier Heron Iris Jasper Kelp Lumen Marlin Nova Onyx Pebble`)

var companySecond = []string{"Analytics", "Robotics", "Labs", "Health", "Systems", "Software", "Logistics",
	"Energy", "Payments", "Works", "Cloud", "Bio", "Data", "Networks", "Studio", "Foods", "Mobility", "Security",
	"Insurance", "Learning", "Games", "Media", "Capital", "Materials"}

var roles = []string{"Senior Backend Engineer", "Data Engineer", "Site Reliability Engineer", "Platform Engineer",
	"Staff Software Engineer", "Machine Learning Engineer", "Engineering Manager", "Frontend Developer",
	"Software Engineer II", "Go Developer", "DevOps Engineer", "Infrastructure Engineer", "Full Stack Engineer",
	"Backend Developer (Go)", "Senior Data Platform Engineer", "Security Engineer", "Solutions Architect"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// Bulk senders: newsletters and promotions.
type sender struct {
	name, addr, list string
}

var newsletterSenders = []sender{
	{"The Morning Brief", "hello@morningbrief-news.com", "morning-brief.morningbrief-news.com"},
	{"Cookwell Weekly", "recipes@cookwell.com", "weekly.cookwell.com"},
	{"Trailhead Outdoors", "news@trailhead-outdoors.com", ""},
	{"Pocketbook Finance", "newsletter@pocketbook.money", "digest.pocketbook.money"},
	{"Backend Digest", "editor@backenddigest.dev", "backend-digest.backenddigest.dev"},
	{"City Arts Centre", "events@cityartscentre.org", ""},
	{"Greenleaf Grocers", "offers@greenleafgrocers.com", ""},
	{"Atlas Airways", "deals@atlasairways.com", ""},
	{"Paperback Club", "club@paperbackclub.co.uk", "members.paperbackclub.co.uk"},
	{"Kettle & Co", "shop@kettleandco.com", ""},
	{"Open Source Weekly", "team@osweekly.io", "osweekly.osweekly.io"},
	{"Stride Running", "community@striderunning.com", ""},
	{"Nordic Home", "inspiration@nordichome.eu", ""},
	{"Cinema Lumen", "programme@cinemalumen.com", "programme.cinemalumen.com"},
	{"The Data Letter", "letters@thedataletter.com", "dataletter.thedataletter.com"},
}

var newsletterSubjects = []string{
	"This week: %s, %s and more", "Your weekly roundup", "%s: what we are reading", "Save 20%% on %s this weekend",
	"New arrivals for %s", "Last chance: %s ends tonight", "The best of %s", "%s edition: %s",
	"Five ideas for %s", "Members' preview: %s", "Don't miss %s", "Fresh picks for the %s",
}

var socialSenders = []sender{
	{"Friendbook", "notification@friendbook.social", ""},
	{"Pinboard Photos", "no-reply@pinboardphotos.com", ""},
	{"Chirp", "notify@chirp.social", ""},
	{"Meetly", "info@meetly.events", ""},
	{"Streamly", "hello@streamly.tv", ""},
	{"Podcatch", "updates@podcatch.fm", ""},
	{"Forumly", "digest@forumly.net", "digest.forumly.net"},
}

var socialSubjects = []string{
	"%s commented on your photo", "%s sent you a message", "You have 3 new notifications", "%s and 4 others liked your post",
	"New episodes from shows you follow", "Your weekly activity summary", "%s invited you to an event",
	"Someone viewed your profile", "Top posts in %s this week", "%s started following you", "New sign-in to your account",
}

// transactional senders and what they write about.
var transactionalSenders = []struct {
	sender
	subjects []string
}{
	{sender{"Harbor Bank", "alerts@harborbank.com", ""}, []string{"Your statement is ready", "Payment received", "Security alert: new device signed in", "Direct debit confirmation", "Your card ending %d was used online"}},
	{sender{"ParcelGo", "tracking@parcelgo.com", ""}, []string{"Your parcel %d is on its way", "Delivery update for parcel %d", "Your parcel was delivered"}},
	{sender{"Voltwise Energy", "billing@voltwise-energy.com", ""}, []string{"Meter reading reminder", "Your tariff is changing"}},
	{sender{"Citywide Transit", "noreply@citywidetransit.gov", ""}, []string{"Schedule change on line %d", "Your monthly pass receipt", "Service update: weekend works on line %d"}},
	{sender{"Shopmart", "orders@shopmart.com", ""}, []string{"Your order #%d has shipped", "Your receipt from Shopmart", "Order #%d confirmed", "Your return has been processed"}},
	{sender{"Calendar", "calendar-notification@calendar.example.com", ""}, []string{"Reminder: %s at 18:00", "Updated event: %s", "Daily agenda for %s"}},
	{sender{"CloudDrive", "no-reply@clouddrive.app", ""}, []string{"Storage almost full", "Your verification code is %d", "A file was shared with you"}},
	{sender{"Mobilink", "account@mobilink.net", ""}, []string{"Your bill is ready", "Your account status", "Data allowance at 80%%"}},
	{sender{"Dr. Hughes Dental", "reception@hughesdental.co.uk", ""}, []string{"Reminder: appointment on %s", "Thank you for your visit"}},
	{sender{"City Library", "loans@citylibrary.org", ""}, []string{"Your books are due %s", "A reserved item is ready for collection", "Loan renewed"}},
}

var devProjects = []string{"harbor/api-gateway", "lumen/sqlkit", "atlas/terraform-modules", "openfaas-lite/cli",
	"quill/markdown-lint", "cobalt/metrics", "nimbus/scheduler", "gopher-tools/gen"}

var devSubjects = []string{"[%s] Fix race in connection pool (#%d)", "[%s] Add retries to upload client (PR #%d)",
	"Re: [%s] Memory leak when reconnecting (Issue #%d)", "[%s] Release v1.%d.0", "Re: [%s] Support for ARM builds (#%d)",
	"[%s] CI failing on main (#%d)", "Re: [%s] Proposal: configurable timeouts (#%d)"}

var personalSubjects = []string{"Dinner on %s?", "Photos from the weekend", "Happy birthday!", "Plans for %s",
	"Quick question", "Book recommendation", "Are you around on %s?", "Recipe you asked for", "Moving day",
	"Concert tickets", "The garden", "Running club", "Catching up", "Long time no see"}

var personalLines = []string{
	"It was so good to see you last week, we should do that more often.",
	"I finally finished the book you lent me and I loved the ending.",
	"Mum says hello and asks whether you are still coming for lunch on Sunday.",
	"The photos from the lake came out really well, I will send the rest later.",
	"We are leaving on the morning train, so we should be there by noon.",
	"Let me know if you need a hand with the move, I have the van all weekend.",
	"I tried your soup recipe and added a bit more ginger, it was perfect.",
	"The kids keep asking when they can see the dog again.",
	"Running club starts again next Tuesday at seven, same place as before.",
	"I booked the tickets, row F, right in the middle.",
	"No rush at all, just whenever you have a moment.",
	"Hope the new flat is treating you well and the neighbours are quiet.",
	"The weather looks terrible for Friday so maybe we move it to Sunday?",
}

var attachmentKinds = map[string][]struct{ ct, name string }{
	"personal":     {{"image/jpeg", "IMG_%04d.jpg"}, {"image/jpeg", "photo-%d.jpg"}, {"application/pdf", "tickets-%d.pdf"}, {"video/mp4", "clip-%d.mp4"}},
	"transaction":  {{"application/pdf", "statement-%d.pdf"}, {"application/pdf", "invoice-%d.pdf"}, {"application/pdf", "receipt-%d.pdf"}},
	"newsletter":   {{"application/pdf", "brochure-%d.pdf"}, {"image/png", "banner-%d.png"}},
	"notification": {{"application/pdf", "report-%d.pdf"}, {"image/png", "screenshot-%d.png"}, {"application/zip", "export-%d.zip"}},
	"job":          {{"application/pdf", "Job_Description_%d.pdf"}, {"application/pdf", "Candidate_Information_%d.pdf"}},
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// Sentences for the running text of everyday mail, by kind of mail; none
// of them is about hiring.
var (
	newsSentences = []string{
		"The new season of the garden market opens on Saturday morning with more stalls than ever.",
		"We tested twelve kettles over three weeks and only two of them kept their promises.",
		"Our readers sent in hundreds of photos of autumn walks, and we picked our favourites.",
		"The museum extends its opening hours on Thursdays until the end of the month.",
		"This recipe takes twenty minutes and uses only what you probably have in the cupboard.",
		"Prices for flights to the coast drop sharply after the school holidays end.",
		"The library has added four thousand new titles to its digital collection.",
		"A short history of the harbour, told through the boats that used it.",
		"Members get early access to tickets for every concert in the spring programme.",
		"The trail along the river is closed for repairs between the two bridges.",
		"We asked six bakers how they get a crisp crust, and their answers did not agree.",
		"Cycling to work three days a week saved one reader more than she expected.",
		"The weather turns colder from Wednesday, with rain arriving in the afternoon.",
		"Delivery times may be longer than usual during the busy weeks before the holidays.",
		"The film festival announced its full line-up, with forty premieres over ten days.",
		"Here are five books that our editors could not put down this month.",
		"The local football club is looking for volunteers to help on match days.",
		"Small changes to how you store vegetables can make them last twice as long.",
		"A new exhibition brings together maps of the city drawn over three centuries.",
		"Our new app update makes it easier to find the settings you use most.",
		"Three new podcasts to listen to on your commute this week.",
		"The winter collection is here, with warm colours and soft fabrics.",
	}
	devSentences = []string{
		"The version released today fixes several bugs and improves start-up time.",
		"Tests now run in parallel, which cuts the time of a full build by half.",
		"The proposal was discussed at length, and most people agreed on the general direction.",
		"A fix for the memory growth has been merged and will be part of the next release.",
		"This change touches the configuration loader and needs another pair of eyes.",
		"The build failed on one platform because of a missing dependency in the image.",
		"Thanks for the detailed report, it made the problem easy to reproduce.",
		"I rebased the branch on main and the conflicts are resolved.",
		"The benchmark shows a small regression on large inputs that we should look at.",
		"Could we split this into two pull requests so that each is easier to review?",
		"The flaky test is fixed by waiting for the listener before dialling.",
		"Documentation for the new flag is in the README.",
	}
	txSentences = []string{
		"Your payment was processed and the receipt is available in your account.",
		"The parcel left the sorting centre this morning and should arrive within two days.",
		"Please keep this message for your records.",
		"We have updated our privacy notice to explain more clearly how we use your data.",
		"You can change how often you hear from us at any time in your preferences.",
		"The weekend service runs every twenty minutes while the tracks are being renewed.",
		"Your reserved book can be collected from the front desk for the next seven days.",
		"The amount will be taken from your account on the first working day of the month.",
		"If you did not make this change, please reset your password straight away.",
	}
	personalSentences = []string{
		"The picnic moved indoors because of the rain, and nobody seemed to mind.",
		"The bakery on the corner finally reopened, and the queue went round the block.",
		"We planted tomatoes along the fence, and the neighbours already want some.",
		"The view from the top of the hill was worth every step of the climb.",
		"She says the new puppy has already chewed through two pairs of shoes.",
		"Breakfast is served from seven, and the pool opens at nine.",
		"The old bridge was painted green again, just like it was when we were kids.",
		"The children built a sandcastle that survived until the evening tide.",
		"A storm knocked out the power for an hour, so we played cards by candlelight.",
	}
	// jobQuoteSentences are what the user's earlier job mail said, quoted
	// in answers to it.
	jobQuoteSentences = []string{
		"I would be glad to tell you more about my work on payment systems.",
		"My CV is attached, and I am happy to send references.",
		"I have been building backend services in Go for most of the last eight years.",
		"Thank you for considering my application.",
		"I am available for a conversation most afternoons next week.",
	}
)

// paragraph is a few sentences drawn from bank.
func paragraph(r *rand.Rand, bank []string, sentences int) string {
	var sb strings.Builder
	for i := range sentences {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(pick(r, bank))
	}
	return sb.String()
}

// wrap breaks text into lines of at most width characters.
func wrap(s string, width int) string {
	var sb strings.Builder
	for _, para := range strings.Split(s, "\n") {
		col := 0
		for i, w := range strings.Fields(para) {
			if i > 0 {
				if col+1+len(w) > width {
					sb.WriteByte('\n')
					col = 0
				} else {
					sb.WriteByte(' ')
					col++
				}
			}
			sb.WriteString(w)
			col += len(w)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}
