package employer

// The word lists below are deliberately small: they cover the common shapes
// of hiring mail, not every company or place on earth. Each is a set of lower
// case words or phrases.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// suffixPhrases are dropped from the end of a company name, repeatedly:
// legal forms and the words hiring departments add to a sender name.
// Longer phrases come first so that "talent acquisition team" goes whole.
var suffixPhrases = [][]string{
	{"talent", "acquisition", "team"},
	{"do", "not", "reply"},
	{"talent", "acquisition"},
	{"recruiting", "team"},
	{"recruitment", "team"},
	{"hiring", "team"},
	{"talent", "team"},
	{"people", "team"},
	{"careers", "team"},
	{"jobs", "team"},
	{"hr", "team"},
	{"people", "ops"},
	{"people", "operations"},
	{"human", "resources"},
	{"no", "reply"},
	{"career", "site"},
	{"careers", "site"},
	{"co", "kg"},
	{"sp", "z", "o", "o"},
	{"talent"}, {"recruiting"}, {"recruitment"}, {"recruiters"}, {"careers"}, {"career"},
	{"jobs"}, {"hiring"}, {"hr"}, {"team"}, {"noreply"}, {"notifications"}, {"notification"},
	{"inc"}, {"incorporated"}, {"llc"}, {"llp"}, {"lp"}, {"ltd"}, {"limited"}, {"corp"},
	{"corporation"}, {"gmbh"}, {"mbh"}, {"ag"}, {"kg"}, {"ohg"}, {"ug"}, {"sa"}, {"sas"},
	{"sarl"}, {"srl"}, {"spa"}, {"bv"}, {"nv"}, {"plc"}, {"pty"}, {"pte"}, {"pvt"}, {"kk"},
	{"ab"}, {"oy"}, {"oyj"}, {"asa"}, {"aps"}, {"se"}, {"sl"},
}

// shortSuffixes are only dropped when something is left before them, so
// that "Co" or "Company" on its own is not emptied.
var shortSuffixes = set("co", "company", "as", "people")

// prefixPhrases are dropped from the start of a company name.
var prefixPhrases = [][]string{
	{"careers", "at"}, {"career", "at"}, {"talent", "at"}, {"jobs", "at"}, {"team", "at"},
	{"hiring", "at"}, {"recruiting", "at"}, {"people", "at"}, {"life", "at"}, {"work", "at"},
	{"the"},
}

// genericWords are words that name a department, a channel or a piece of
// the hiring process: a company candidate made only of them is no company.
var genericWords = set(
	"team", "teams", "hiring", "talent", "recruiting", "recruitment", "recruiter", "recruiters",
	"careers", "career", "jobs", "job", "hr", "people", "human", "resources", "acquisition",
	"data", "platform", "engineering", "product", "design", "sales", "marketing", "support",
	"security", "infrastructure", "finance", "operations", "ops", "science", "research",
	"technical", "tech", "technology", "campus", "university", "graduate", "global", "corporate", "company",
	"us", "our", "your", "my", "the", "a", "an", "application", "applications", "interview",
	"candidate", "candidates", "position", "role", "opportunity", "opportunities", "notifications",
	"notification", "noreply", "reply", "no", "do", "not", "mail", "email", "admin", "info",
	"office", "hello", "hi", "dear", "thanks", "thank", "you", "we", "i", "news", "newsletter",
	"alert", "alerts", "update", "updates", "digest", "weekly", "daily", "new", "apply",
	"remote", "hybrid", "onsite", "backend", "frontend", "mobile", "web", "cloud", "devops",
	"analytics", "ml", "ai", "growth", "legal", "people", "customer", "success", "it",
	"interviewing", "scheduling", "coordinator", "coordination", "onboarding", "leadership",
	"management", "executive", "board", "staff", "employee", "employees", "internal", "external",
	"invitation", "calendar", "meeting", "call", "video", "zoom", "meet", "google", "microsoft",
	"teams", "webex", "skype", "slack", "today", "tomorrow", "yesterday", "week", "month",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"re", "fwd", "fw", "subject", "sent", "from", "to", "cc", "date", "regards", "best",
	"sincerely", "cheers", "kind", "warm", "warmly", "all", "everyone", "there", "sir", "madam",
)

// brandWords are the names of hiring systems, job boards and meeting tools:
// they carry the mail, they are not the employer.
var brandWords = set(
	"greenhouse", "lever", "workday", "ashby", "smartrecruiters", "icims", "workable", "jobvite",
	"linkedin", "indeed", "glassdoor", "ziprecruiter", "bamboohr", "bamboo hr", "breezy", "breezy hr",
	"recruitee", "teamtailor", "personio", "successfactors", "sap successfactors", "taleo",
	"oracle taleo", "jazzhr", "jazz hr", "paylocity", "dayforce", "ceridian", "eightfold",
	"phenom", "phenom people", "avature", "hirevue", "codility", "hackerrank", "calendly",
	"goodtime", "zoom", "microsoft teams", "google meet", "google calendar", "webex",
	"docusign", "wellfound", "angellist", "otta", "welcome to the jungle", "hired", "dice",
	"monster", "careerbuilder", "simplyhired", "stepstone", "xing", "seek", "reed", "totaljobs",
	"cv library", "naukri", "handshake", "built in", "builtin", "codesignal", "testgorilla",
	"hackerearth", "coderpad", "modern hire", "harver", "pymetrics", "hireright", "sterling",
	"checkr", "paradox", "pinpoint", "comeet", "freshteam", "zoho recruit", "manatal",
	"rippling", "ultipro", "ukg", "paycom", "brassring", "applytojob", "myworkday",
	"myworkdayjobs", "indeed apply", "linkedin jobs", "linkedin job alerts", "indeed job alerts",
	"glassdoor jobs", "gmail", "outlook", "yahoo", "icloud", "proton", "notion",
)

// agencyWords mark a recruitment agency among a sender's name or domain.
var agencyWords = set(
	"hays", "robert half", "roberthalf", "randstad", "adecco", "manpower", "manpowergroup",
	"michael page", "michaelpage", "page group", "pagegroup", "kforce", "aerotek", "teksystems",
	"insight global", "insightglobal", "harvey nash", "harveynash", "hudson", "kelly services",
	"spherion", "allegis", "modis", "akkodis", "reed", "staffing", "recruitment", "headhunting",
	"executive search", "talent solutions", "search partners", "cpl", "korn ferry", "kornferry",
	"heidrick", "spencer stuart", "egon zehnder", "lhh", "express employment", "apex systems",
)

// roleHeads are nouns that end or anchor a job title.
var roleHeads = set(
	"engineer", "developer", "analyst", "scientist", "manager", "designer", "architect", "lead",
	"director", "consultant", "specialist", "administrator", "admin", "coordinator", "associate",
	"intern", "internship", "officer", "researcher", "programmer", "technician", "writer", "editor",
	"accountant", "advisor", "adviser", "representative", "rep", "executive", "recruiter",
	"sourcer", "assistant", "strategist", "owner", "master", "partner", "head", "vp", "president",
	"tester", "nurse", "teacher", "counsel", "attorney", "lawyer", "paralegal", "operator",
	"planner", "buyer", "controller", "auditor", "marketer", "producer", "artist", "copywriter",
	"agent", "sre", "swe", "principal", "fellow", "chef", "driver", "clerk", "cashier",
	"pharmacist", "physician", "therapist", "economist", "statistician", "mathematician",
	"actuary", "underwriter", "trader", "banker", "evangelist", "advocate", "instructor", "tutor",
	"lecturer", "professor", "postdoc", "trainee", "apprentice", "mechanic", "electrician",
	"supervisor", "superintendent", "estimator", "surveyor", "chemist", "biologist", "physicist",
	"geologist", "librarian", "curator", "journalist", "reporter", "photographer", "animator",
	"illustrator", "translator", "interpreter", "receptionist", "secretary", "bookkeeper", "cto",
	"cfo", "ceo", "coo", "ciso", "cpo", "chief", "generalist", "steward", "expert", "devops",
	"qa", "sdet", "dba", "pm", "tpm", "ux", "ui", "researcher", "modeler", "modeller", "manager",
	"leader", "investigator", "inspector", "hygienist", "dentist", "surgeon", "veterinarian",
	"pilot", "dispatcher", "handler", "packer", "picker", "warehouse", "barista", "server",
	"host", "bartender", "cook", "cleaner", "janitor", "guard", "firefighter", "paramedic",
	"caregiver", "aide", "practitioner", "midwife", "optometrist", "radiographer", "psychologist",
	"counselor", "counsellor", "coach", "trainer", "facilitator", "moderator", "scrum",
)

// companyRoleHeads are the role nouns that rule a phrase out as a company
// name when it ends with one ("applying to Senior Data Analyst").
var companyRoleHeads = set(
	"engineer", "developer", "analyst", "scientist", "manager", "designer", "architect",
	"consultant", "specialist", "administrator", "coordinator", "intern", "internship",
	"researcher", "programmer", "technician", "recruiter", "sourcer", "accountant", "director",
	"representative", "assistant", "strategist", "tester", "position", "role", "opportunity",
	"opening", "vacancy", "job",
)

// roleWords close a job title without being part of it.
var roleWords = set("role", "position", "opportunity", "opening", "vacancy", "job", "post", "posting", "req", "requisition")

// roleBlacklist are words that never occur in a job title taken from mail:
// when one is present, the phrase is about the process, not the job.
var roleBlacklist = set(
	"your", "you", "our", "we", "us", "i", "me", "my", "application", "applications", "applying",
	"applied", "apply", "interview", "interviews", "invitation", "invite", "thank", "thanks",
	"received", "submitted", "update", "updates", "status", "step", "steps", "next", "process",
	"candidate", "candidacy", "regarding", "confirmation", "confirmed", "reminder", "schedule",
	"scheduled", "scheduling", "availability", "offer", "hello", "hi", "dear", "this", "that",
	"it", "here", "there", "unfortunately", "congratulations", "welcome", "assessment",
	"feedback", "decision", "please", "action", "required", "new", "jobs", "alert", "alerts",
	"recommended", "similar", "more", "others", "is", "are", "was", "were", "has", "have",
	"will", "would", "been", "be", "not", "no", "yes", "if", "when", "who", "what", "how",
	"sent", "viewed", "saw", "looking", "hiring", "join", "joining", "re", "fwd",
	"equal", "opportunity", "employer",
)

// roleLeadStop ends a backward walk from "role"/"position" to the start of
// the title: determiners, prepositions and evaluative adjectives.
var roleLeadStop = set(
	"the", "a", "an", "our", "your", "their", "his", "her", "its", "this", "that", "these",
	"those", "for", "to", "in", "on", "at", "with", "as", "about", "regarding", "re", "into",
	"from", "by", "applied", "apply", "applying", "application", "interest", "interested",
	"open", "new", "current", "same", "other", "similar", "exciting", "great", "dream",
	"perfect", "right", "any", "every", "each", "such", "specific", "particular", "available",
	"advertised", "posted", "relevant", "future", "this", "next", "previous", "first", "last",
	"one", "two", "several", "many", "some", "another", "own", "is", "was", "are", "were", "be",
	"been", "has", "have", "had", "and", "or", "but", "of", "my", "me", "you", "we", "us", "i",
	"it", "not", "no", "which", "what", "whose", "fantastic", "amazing", "wonderful", "unique",
	"interesting", "awesome", "excellent", "ideal", "suitable", "potential", "possible",
	"permanent", "temporary", "contract", "open-ended", "listed", "mentioned", "above", "below",
	"following", "job", "role", "position", "filled", "closed", "remote", "hybrid",
)

// workModes are how and where a job is done rather than what it is.
var workModes = set(
	"remote", "hybrid", "onsite", "on-site", "on site", "in office", "in-office", "office",
	"wfh", "anywhere", "worldwide", "flexible", "distributed", "fully remote", "remote first",
	"remote-first", "full-time", "full time", "part-time", "part time", "contract", "contractor",
	"freelance", "temporary", "temp", "permanent", "fixed term", "fixed-term", "internship",
	"m/f/d", "m/w/d", "f/m/d", "w/m/d", "f/m/x", "m/f/x", "all genders", "m/f", "f/m", "h/f",
	"f/h", "gn", "d/f/m", "m/w/x", "w/m/x", "relocation", "visa sponsorship",
)

// places are common cities, countries, regions and US states, and their
// short forms, used to tell a location suffix from part of a title.
var places = set(
	"london", "manchester", "birmingham", "leeds", "glasgow", "edinburgh", "bristol", "cambridge",
	"oxford", "belfast", "dublin", "cork", "paris", "lyon", "berlin", "munich", "münchen",
	"hamburg", "frankfurt", "cologne", "köln", "stuttgart", "düsseldorf", "vienna", "wien",
	"zurich", "zürich", "geneva", "amsterdam", "rotterdam", "utrecht", "brussels", "antwerp",
	"luxembourg", "copenhagen", "stockholm", "oslo", "helsinki", "reykjavik", "madrid",
	"barcelona", "valencia", "lisbon", "porto", "milan", "rome", "turin", "warsaw", "krakow",
	"kraków", "wroclaw", "prague", "budapest", "bucharest", "sofia", "athens", "istanbul",
	"tallinn", "riga", "vilnius", "kyiv", "kiev", "tel aviv", "dubai", "abu dhabi", "doha",
	"riyadh", "cairo", "lagos", "nairobi", "cape town", "johannesburg", "mumbai", "bangalore",
	"bengaluru", "hyderabad", "pune", "chennai", "delhi", "new delhi", "gurgaon", "gurugram",
	"noida", "kolkata", "singapore", "hong kong", "tokyo", "osaka", "seoul", "beijing",
	"shanghai", "shenzhen", "taipei", "manila", "jakarta", "bangkok", "kuala lumpur", "hanoi",
	"ho chi minh city", "sydney", "melbourne", "brisbane", "perth", "adelaide", "auckland",
	"wellington", "toronto", "vancouver", "montreal", "montréal", "ottawa", "calgary",
	"waterloo", "new york", "new york city", "nyc", "brooklyn", "san francisco", "sf",
	"bay area", "sf bay area", "san francisco bay area", "silicon valley", "san jose",
	"palo alto", "mountain view", "menlo park", "sunnyvale", "oakland", "berkeley",
	"los angeles", "la", "san diego", "seattle", "bellevue", "redmond", "portland", "boston",
	"cambridge ma", "chicago", "austin", "dallas", "houston", "san antonio", "denver",
	"boulder", "phoenix", "atlanta", "miami", "tampa", "orlando", "charlotte", "raleigh",
	"durham", "nashville", "washington", "washington dc", "dc", "arlington", "baltimore",
	"philadelphia", "pittsburgh", "detroit", "minneapolis", "st louis", "kansas city",
	"salt lake city", "las vegas", "columbus", "cincinnati", "cleveland", "indianapolis",
	"milwaukee", "sacramento", "mexico city", "guadalajara", "são paulo", "sao paulo",
	"rio de janeiro", "buenos aires", "santiago", "bogotá", "bogota", "lima", "medellín",
	"medellin", "montevideo",
	"uk", "gb", "united kingdom", "great britain", "england", "scotland", "wales",
	"northern ireland", "ireland", "france", "germany", "deutschland", "austria", "switzerland",
	"netherlands", "the netherlands", "belgium", "denmark", "sweden", "norway", "finland",
	"iceland", "spain", "portugal", "italy", "poland", "czechia", "czech republic", "hungary",
	"romania", "bulgaria", "greece", "turkey", "estonia", "latvia", "lithuania", "ukraine",
	"israel", "uae", "united arab emirates", "saudi arabia", "qatar", "egypt", "nigeria",
	"kenya", "south africa", "india", "pakistan", "bangladesh", "sri lanka", "china", "japan",
	"korea", "south korea", "taiwan", "philippines", "indonesia", "thailand", "malaysia",
	"vietnam", "australia", "new zealand", "canada", "us", "usa", "u.s.", "u.s.a.",
	"united states", "united states of america", "america", "mexico", "brazil", "argentina",
	"chile", "colombia", "peru", "uruguay",
	"emea", "apac", "latam", "amer", "americas", "europe", "eu", "eea", "dach", "nordics",
	"benelux", "asia", "africa", "middle east", "north america", "na", "global", "international",
	"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
	"delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
	"kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
	"minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
	"new jersey", "new mexico", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
	"pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
	"utah", "vermont", "virginia", "west virginia", "wisconsin", "wyoming",
	"ontario", "quebec", "british columbia", "alberta", "bavaria", "bayern", "catalonia",
	"est", "pst", "cet", "gmt", "utc", "et", "pt", "ct", "mt",
)

// usStates are the two-letter state codes seen in "City, ST".
var usStates = set(
	"al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia",
	"ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj",
	"nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt",
	"va", "wa", "wv", "wi", "wy", "dc", "on", "bc", "qc", "ab",
)

// firstNames is a short list of common given names. It only settles a
// display name of one word ("Dana" from a hiring system is a person) and a
// parenthesised name after a title.
var firstNames = set(
	"aaron", "adam", "aisha", "alex", "alexander", "alexandra", "alice", "alicia", "amanda",
	"amy", "ana", "andrea", "andrew", "angela", "anna", "anne", "anthony", "ashley", "ben",
	"benjamin", "beth", "brian", "carlos", "caroline", "charlie", "chloe", "chris",
	"christina", "christopher", "claire", "daniel", "dana", "david", "diana", "elena",
	"elizabeth", "emily", "emma", "eric", "erin", "ethan", "grace", "hannah", "harry", "helen",
	"ian", "isabel", "jack", "jacob", "james", "jamie", "jane", "jason", "jen", "jennifer",
	"jessica", "joe", "john", "jonathan", "jordan", "jose", "joseph", "josh", "julia", "julie",
	"justin", "karen", "kate", "katie", "kelly", "kevin", "kim", "laura", "lauren", "leo",
	"linda", "lisa", "liam", "lucas", "lucy", "luis", "maria", "mark", "marcus", "maya",
	"megan", "michael", "michelle", "mike", "mohammed", "muhammad", "nancy", "natalie",
	"nicole", "nina", "noah", "olivia", "omar", "paul", "peter", "priya", "rachel", "raj",
	"rebecca", "richard", "robert", "ryan", "sam", "samantha", "sara", "sarah", "scott",
	"sean", "sophia", "sophie", "stephanie", "steve", "steven", "susan", "taylor", "thomas",
	"tim", "tom", "tyler", "victoria", "will", "william", "zoe",
)

// companyishWords are tokens that make a display name read as a company
// rather than a person.
var companyishWords = set(
	"labs", "lab", "robotics", "technologies", "technology", "tech", "systems", "solutions",
	"group", "health", "healthcare", "bank", "capital", "software", "analytics", "games",
	"media", "energy", "insurance", "security", "logistics", "partners", "consulting", "studio",
	"studios", "holdings", "ventures", "ai", "cloud", "data", "networks", "network",
	"industries", "pharma", "pharmaceuticals", "bio", "biotech", "therapeutics", "foods",
	"motors", "airlines", "digital", "global", "international", "interactive", "entertainment",
	"financial", "finance", "investments", "credit", "payments", "pay", "works", "company",
	"co", "corp", "inc", "llc", "ltd", "gmbh", "plc", "team", "careers", "recruiting",
	"recruitment", "talent", "hiring", "jobs", "hr", "people", "university", "college",
	"school", "institute", "foundation", "hospital", "clinic", "agency", "services", "service",
	"consultancy", "engineering", "manufacturing", "electric", "power", "mobility",
	"automotive", "aerospace", "dynamics", "devices", "medical", "sciences", "science",
	"research", "markets", "trading", "retail", "store", "stores", "brands", "apparel",
	"collective", "club", "platforms", "apps", "app", "online", "direct", "news", "press",
	"publishing", "records", "pictures", "films", "hotels", "resorts", "travel", "air", "rail",
	"shipping", "freight", "express", "construction", "properties", "realty", "homes",
	"kitchen", "coffee", "brewing", "farms", "notifications", "noreply", "no-reply", "support",
	"info", "office", "staffing", "search", "associates", "the", "and", "&", "of", "via",
	"bros", "brothers", "sons", "worldwide", "america", "americas",
	"europe", "uk", "usa", "hq", "io", "inc.", "ltd.", "corp.", "co.",
)
