package classify

// signal is one kind of evidence the phrase rules find. Several signals feed
// one category; the decision in classify.go weighs them.
type signal uint8

const (
	sigReject      signal = iota // the application is declined, the role filled or cancelled
	sigRejectWeak                // wording common in rejections but not decisive
	sigWithdrawn                 // the candidate's withdrawal is confirmed
	sigOffer                     // an offer is extended
	sigOfferWeak                 // terms of employment: salary, start date, contract
	sigInvite                    // an interview or next step is offered or scheduled
	sigInviteWeak                // talk of meeting, calls, links to meeting tools
	sigAssess                    // an assessment to take as a stage of the process
	sigAck                       // the application was received
	sigAckWeak                   // thanks for applying / interest
	sigProcess                   // what will happen next, in general terms
	sigStatus                    // where the process stands, when to expect news
	sigRequest                   // a request for documents, references, details
	sigThanks                    // a reply to the candidate's own note
	sigOOO                       // the writer is away
	sigAutoMsg                   // an automatic receipt of the candidate's email
	sigAlert                     // job alerts and recommendations
	sigOutreach                  // unsolicited recruiter outreach
	sigCommunity                 // talent community / network
	sigAccount                   // account mail: verify, password, welcome
	sigMarketing                 // newsletters, events, promotions
	sigNotOffer                  // "this is not a job offer"
	sigAutomated                 // "this is an automated message"
	sigApplication               // the candidate's own application is named
	sigNoFollow                  // an explicit request not to ask about the status
	sigJobWord                   // words of hiring: application, position, role
	sigSoftReject                // the quiet goodbye: good luck, other openings, a competitive field
	sigEmploy                    // words only hiring uses: position, vacancy, recruiter, résumé
	sigNonJob                    // an application or a proposal of another kind: a lease, a loan, a talk
	sigMedia                     // a podcast, an article, a journalist: an interview that is not for a job
	numSignals
)

var signalNames = [numSignals]string{
	"reject", "reject-weak", "withdrawn", "offer", "offer-weak", "invite", "invite-weak", "assessment",
	"ack", "ack-weak", "process", "status", "request", "thanks", "away", "auto-receipt", "alert",
	"outreach", "community", "account", "marketing", "not-offer", "automated", "application", "no-follow-up", "job-word", "soft-reject",
	"employ", "non-job", "media",
}

type ruleFlags uint16

const (
	rSubj         ruleFlags = 1 << iota // only in the subject
	rBody                               // only in the body
	rNoHypo                             // not in a sentence describing a possibility
	rNoOthers                           // not in a sentence about other candidates
	rNeedOthers                         // only in a sentence about other candidates
	rNoNeg                              // not in a negated sentence
	rNoYou                              // the match itself must not contain "you"/"your"
	rNoGeneric                          // not in a sentence about applicants in general
	rNoPast                             // not in a sentence looking back
	rNoFuture                           // not in a sentence with "will", "would" or "only"
	rNoYet                              // not in a sentence with "yet" or "still"
	rNeedYou                            // only in a sentence addressing the reader
	rNoAfterFor                         // not right after "for", "after" ("thank you for completing the test")
	rNoNegNear                          // no negation inside the match or in the three words before it
	rNoFutureNear                       // no "will", "soon", "expect" inside the match or just around it
	rFutureOK                           // a promise counts in full ("I'll send new times")
)

type ruleDef struct {
	sig   signal
	w     float64
	flags ruleFlags
	pats  []string
	// excl lists words whose presence in the sentence cancels the rule.
	excl []string
}

// The phrase rules. Patterns are written against expanded contractions
// ("will not", "we have") and split hyphenated words ("on site").
var ruleDefs = []ruleDef{
	// ---- rejection ----
	{sigReject, 3, rNoHypo | rNoYet, []string{
		"decided|decide|decision|chosen|choose|elected|opted|determined ~3 not ~1 mov*|proceed*|progress*|advanc*|continu*|pursu*|go|invite|offer|extend|consider*|hire|select|take|shortlist|interview|schedule|fill|open|reopen|recruit",
		"decided|decide|decision|chosen|elected|opted ~3 against ~2 mov*|proceed*|progress*|advanc*|continu*|pursu*|your|you|the|offering|extending",
	}, nil},
	{sigReject, 3, rNoHypo | rNoYet | rNoGeneric, []string{
		"not ~2 mov*|proceed*|progress*|advanc*|pursu*|continu*|go|going|tak* ~3 forward|ahead|further",
		"not ~2 proceed*|progress*|advanc*|pursu*|continu*|mov* with? your|you",
		"not ~3 selected|shortlisted|chosen|successful|retained|advanced|progressed|invited|accepted|referred|certified",
	}, []string{"yet", "still"}},
	{sigReject, 3, rNoHypo | rNoYet | rNoGeneric, []string{
		"we ~3 not ~2 continue|continuing|proceed|proceeding|progress|progressing|advance|advancing|pursue|pursuing ~3 recruiting|recruitment|hiring|selection|application|process|candidacy",
	}, []string{"wish", "want", "need", "unless", "without", "until"}},
	{sigReject, 3, rNoHypo | rNoYet | rNoGeneric | rNeedYou | rNoFuture, []string{
		"not ~2 meet|reach|achieve|pass ~3 benchmark|threshold|bar|standard|criteria|requirements|requirement|minimum|score|level|cut",
		"not ~2 matching|match|fit|suited|aligned|align ~3 with? ~1 our|the|current ~3 requirement|requirements|needs|criteria|profile|role|position",
	}, []string{"if", "unless", "only"}},
	{sigReject, 3, rNoHypo | rNoYet | rNoGeneric | rNeedYou, []string{
		"application|candidacy ~3 not ~3 continue|proceed|progress|progressed|advance|advanced|move|moved|considered|taken|go",
	}, []string{"if", "unless", "incomplete", "late", "after", "until", "complete", "without"}},
	{sigReject, 3, rNoHypo | rNoYet, []string{
		"you|your ~3 not ~3 selected|shortlisted|chosen|successful|retained|advanced|progressed|invited|accepted",
		"unable|not ~2 able? ~1 to ~1 mov*|proceed*|progress*|advance|continue|pursue|consider ~3 forward|further|your|you|application|candidacy",
	}, []string{"yet", "still", "required", "necessary", "need", "needed", "mean", "means"}},
	{sigReject, 3, rNoHypo | rNoYou | rNeedOthers, []string{
		"mov*|proceed*|progress*|continu*|go|going|gone|went|advanc* forward|ahead|on? with ~4 other|another|different|alternative|someone|stronger|more|a|an|internal",
		"pursu* ~3 other|another|different|alternative|stronger|more|candidates|applicants",
		"select*|chose|chosen|choose|identified|hired|hire|hiring|found|offered|extended|made|going|go|went|gone|decided|opted|settled|filling|filled|fill ~5 another|other|different|alternative|stronger|internal|someone",
		"mov*|advanc*|progress*|invit*|select*|push*|shortlist*|chose|chosen ~3 other|another|different|several|few|small|select|limited ~3 candidate*|applicant*|people|individual*|profiles|group|number",
	}, nil},
	{sigReject, 3, rNeedOthers | rNoYou, []string{
		"candidates|applicants|candidate|applicant|profiles|individuals ~5 better|closer|more|best ~1 closely? ~1 fit|fits|match|matches|meet|meets|suit|suits|align|aligns|aligned|matched|qualified",
	}, []string{"yet", "still"}},
	{sigReject, 3, rNoHypo | rNoYou | rNoFuture, []string{
		"mov*|proceed*|progress*|continu*|go|going|gone|went|advanc*|pursu* forward|ahead|on? with? ~2 candidates|applicants|candidate|applicant|individuals|profiles|someone|those|others ~1 who|whose|that|with|more|better|from",
		"identified|found|selected|chosen|hired|found|offered ~2 candidate|candidates|applicant|applicants|individual|someone|person ~1 who|whose|that|with|more|better",
		"candidates|applicants|candidate|applicant|individuals|profile|profiles|someone ~8 more|most|better|closer ~1 closely|aligned|align*|match*|suited|qualified|fit*|meet*",
	}, nil},
	{sigReject, 3, rNoHypo | rNoNegNear | rNoFutureNear | rNoYet, []string{
		"position|role|job|opening|requisition|req|vacancy|posting|search|positions|roles|jobs|requisitions|internship|internships ~10 filled|cancelled|canceled|eliminated|withdrawn|closed",
		"filled|cancelled|canceled|closed|closing|eliminated|withdrawn|paused ~1 the|this|that|our ~8 position|role|job|opening|requisition|vacancy|search|posting|req|internship|internships|recruitment",
		"made|found|completed ~1 a|our ~1 hire|hiring",
	}, nil},
	{sigReject, 3, rNoHypo | rNoYet, []string{
		"position|role|job|opening|requisition|vacancy|posting|positions|roles|internship ~10 no longer ~1 available|open|active|exists|accepting|being|needed|hiring",
		"no longer ~3 consider*|consideration|running|active|moving|progressing|pursuing|proceeding|reviewing|evaluating|interviewing",
		"not ~3 news|outcome|answer|result ~3 hoping|hoped|wanted|hope|expecting|expected",
		"go|going|went|take|taking|move|moving|head|heading|gone|taken ~2 a|another|new? ~1 different|another|new direction",
		"go|going|went|gone ~1 another|a ~1 different? ~1 way|route",
		"not ~1 in ~1 a ~1 position ~1 to ~1 offer|proceed|progress|move|take|consider|extend|continue",
		"archived ~2 your ~1 application|candidacy",
		"application|candidacy ~3 archived",
		"fill|filled|filling ~4 internally|internal|within",
		"not ~1 among ~2 those|the|them|candidates|applicants",
		"application|candidacy|applications ~4 rejected|declined|unsuccessful",
		"declined ~2 your ~1 application|candidacy",
	}, nil},
	{sigReject, 3, rNoHypo, []string{
		"regret|sorry ~2 to ~1 inform|advise|tell|say|share|notify|announce|report",
		"unsuccessful",
		"not ~1 among ~2 those ~2 selected|chosen|invited|shortlisted",
		"unable|not ~3 offer|extend|extending|offering ~2 you ~3 position|role|job|opportunity|interview|employment|offer|place|post|contract",
		"unable|not ~3 offer|extend|extending|offering ~2 a|an|the ~1 position|role|job|interview|employment|offer|place",
		"not ~3 making|make ~2 you ~1 an|a ~1 offer",
		"it ~1 is ~1 a ~1 no ~1 from|for|this|on|at",
		"not ~3 making|make ~1 a|any ~1 hire|hires",
		"close|closing|closed ~1 out ~1 your ~1 application|candidacy|file",
		"application|candidacy|candidate ~3 status ~3 rejected|declined|unsuccessful|archived|dispositioned",
		"hire|hired|hiring ~2 internally",
		"no ~1 longer ~2 recruiting|hiring|accepting|pursuing|filling|seeking|looking|reviewing|considering|interviewing ~3 for|the|this|applications|candidates|applicants",
		"stop|stopped|cease|ceased|halt|halted|end|ended ~2 pursuing|recruiting|hiring|considering|reviewing|interviewing|the ~3 candidates|applicants|for|search|recruitment|process",
		"not ~2 invit*|schedul* ~3 you|interview|interviews|further|next",
		"not ~4 consider* ~2 your ~1 application|candidacy|profile ~2 further",
		"not ~1 be ~1 considered ~2 further|for ~2 this|the|these|that",
		"offer ~3 accepted ~2 by ~3 another|other|different",
		"position|role|job|opening|requisition|vacancy ~4 offered ~2 to ~3 another|other|someone",
	}, []string{"yet", "still", "applications", "mean", "means"}},
	{sigReject, 3, rNoHypo | rNoNegNear | rNoYet, []string{
		"decided|decision|chosen|opted|going|have|had|need|needed ~3 to ~1 close|cancel|withdraw|pause|freeze|eliminate|rescind ~2 the|this|that|our ~4 requisition|req|position|role|search|vacancy|opening|recruitment|job",
		"rescind*|revok*|retract* ~4 offer|offers",
		"withdraw|withdrawing|withdrawn ~2 the|our|this|your ~1 offer",
	}, []string{"right", "reserves", "reserve", "if", "unless", "should", "contingent", "subject", "may"}},
	{sigReject, 3, rNoHypo, []string{
		"not ~3 a|the|an ~1 right|good|strong|best|close|closer|great|perfect|ideal|suitable|enough? fit|match",
	}, []string{"yet", "still", "mean", "means"}},
	{sigReject, 2.5, rNoHypo | rNoYet, []string{
		"pausing|paused|pause|freezing|froze|frozen|suspending|suspended|halting|halted ~2 hiring|recruitment|recruiting|the|this|our ~2 search|process|role|position|requisition|hiring|recruitment",
		"hold ~1 off ~3 filling|hiring|recruiting",
		"position|role|job|opening|requisition|hiring|search|recruitment|recruiting|process|roles|positions ~5 on ~1 hold|paused|pause|freeze|frozen|postponed|suspended",
		"hiring ~1 freeze|pause|hold|stop",
		"on ~1 hold ~1 indefinitely|until",
		"not ~3 hiring|recruiting ~2 for|this|the",
	}, nil},
	{sigRejectWeak, 1.2, rNoHypo | rNoYet, []string{
		"unfortunately|regrettably|sadly|however|but ~8 not|unable|other|another|no longer",
		"difficult|tough|hard|easy ~1 decision|decisions",
		"sorry ~2 to ~1 let ~1 you ~1 know",
		"after ~1 careful|thorough|much|thoughtful|considerable|lengthy ~1 consideration|review|deliberation|thought",
		"other|another|stronger|more ~1 qualified? ~1 candidates|candidate|applicants|applicant",
		"internal ~1 candidate|candidates|applicant",
		"highly|extremely|very|incredibly ~1 competitive",
		"future ~1 endeavors|endeavours|endeavor|endeavour",
	}, nil},
	{sigReject, 3, rNoHypo, []string{
		"no ~4 continuar|avanzar|seguir|seleccionado|seleccionada",
		"otros|otras|otro|otra ~2 candidatos|candidatas|candidato|perfiles|perfil",
		"ne ~4 pas ~4 retenue|retenu|retenir|suite|poursuivre|donner",
		"autres|autre ~2 candidats|candidatures|candidat|profils|profil",
		"nicht ~5 berücksichtigen|berücksichtigt|weiter|entschieden|fortsetzen|weiterverfolgen|eingehen",
		"andere|anderen|anderer ~2 kandidaten|bewerber|bewerberin|bewerbern|kandidatin",
		"andere ~2 kandidaat|kandidaten|sollicitant",
		"não ~4 seguir|avançar|prosseguir|selecionado|selecionada",
		"outros|outras ~2 candidatos|candidatas|perfis",
		"regret ~4 informer|annoncer",
		"lamentamos|sentimos ~3 informar*|comunicar*",
		"leider ~4 mitteilen|absagen|absage",
		"absage ~3 bewerbung",
		"bewerbung ~3 absage",
	}, nil},
	{sigRejectWeak, 1.5, rNoHypo, []string{"lamentablemente|desafortunadamente|malheureusement|leider|helaas|infelizmente|tyvärr|purtroppo"}, nil},
	{sigRejectWeak, 0.6, rNoHypo, []string{
		"wish|wishing ~1 you ~5 best|luck|success|well",
		"regret|regrettably|sadly|unfortunately|disappointing|disappointed",
	}, nil},
	{sigWithdrawn, 3, rNoHypo | rNoNegNear, []string{
		"application|applications|candidacy|request|profile ~4 withdrawn",
		"you ~3 withdrawn|withdrew",
		"withdrawal ~5 confirmed|processed|complete|completed|received|recorded|acknowledged|noted",
		"confirm|confirms|confirming|confirmation|confirmed ~6 withdrawal|withdrawn|withdraw",
		"have|has ~1 withdrawn ~2 your",
		"withdrawn|withdrew|removed ~1 you|your ~4 from|application|candidacy",
		"withdraw* ~4 as|per|at ~1 your|you ~1 request|requested|asked",
		"remove|removed|removing ~4 from ~2 consideration|process|the running",
	}, nil},
	// "You withdraw" is a withdrawal only when it is not an option offered
	// ("you can withdraw your application here").
	{sigWithdrawn, 3, rNoHypo | rNoNegNear, []string{
		"you ~3 withdraw",
	}, []string{"can", "may", "could", "wish", "want", "like", "choose", "decide", "prefer", "option", "able", "need", "to"}},

	// ---- offer ----
	{sigOffer, 3, rNoHypo | rNoOthers | rNoNeg, []string{
		"pleased|delighted|happy|thrilled|excited|glad|honored|honoured|proud ~3 offer|extend|present ~1 you|an|a|the|this|our",
		"want|like|love|thrilled|excited|delighted|happy ~3 you ~1 on|join|aboard|onboard ~2 team|board|us|aboard",
		"confirm ~3 your ~1 appointment|employment|hire|hiring",
		"appointment ~1 to ~2 post|position|role",
		"look|looking ~1 forward ~1 to ~1 welcoming ~1 you",
		"offer ~1 you ~3 position|role|job|post|place|opportunity|employment|contract|appointment",
		"extend|extending|make|making|made|present|presenting|send|sending|sent|attach|attached|enclosed|prepared|preparing|approved ~2 you? ~2 a|an|the|this|our|your ~2 formal|official|verbal|written|conditional|job|employment|final|revised|updated|contingent|initial? ~1 offer",
		"offer ~4 ready|available|awaiting|waiting ~3 review|signature|you|acceptance",
		"you ~2 have|received ~1 an|a ~1 offer",
		"revised|updated|formal|official|conditional|verbal|written|contingent ~1 offer|offers",
		"you ~2 got ~2 the ~1 job|role|position",
		"bring|bringing|have|having|welcome|welcoming|get|getting ~1 you ~1 on ~1 board",
		"bring|bringing ~1 you ~1 aboard|onboard",
		"attach*|enclos*|find ~4 employment|work|job ~1 contract|agreement",
		"attach*|enclos*|find ~4 contract ~1 of ~1 employment",
	}, []string{"interview", "interviews", "screen", "assessment", "opportunities", "community"}},
	{sigOffer, 3, rNoHypo | rNoOthers | rNoNeg | rNeedYou, []string{
		"you ~3 selected ~2 for ~2 the|this|our ~1 position|role|post|job",
	}, []string{"stage", "round", "shortlist", "shortlisted", "assessment", "test"}},
	{sigOffer, 3, rNoHypo | rNoNeg, []string{
		"review|view|sign|countersign ~1 your|the|my? ~1 offer",
	}, []string{"exclusive", "discount", "deal", "promo", "special", "limited", "apr", "card", "rewards", "points", "cashback"}},
	{sigOffer, 2.5, rNoHypo | rNoOthers | rNoNeg, []string{
		"offer letter|letters|package|details|document|documents|paperwork|terms|pack|agreement",
		"formal|official|offer|written ~1 letter ~3 will|to ~1 follow|come",
		"hoping|hope ~2 you ~1 will ~1 say ~1 yes",
		"love|like|want|thrilled|excited ~2 for? ~1 you ~1 to ~1 join ~4 as ~1 our|a|an",
		"attached|enclosed|attaching|enclosing ~4 formal|official|written|employment ~1 letter",
		"offer of employment|appointment",
		"letter ~1 of ~1 offer|appointment|employment|intent",
		"employment|appointment ~1 contract|agreement|offer",
		"contract ~1 of ~1 employment",
		"welcome|welcoming ~3 aboard|onboard|board",
		"welcome ~1 you ~1 to ~2 team|company|organization|organisation|firm",
		"have ~1 you ~3 join|aboard|board|onboard",
		"you ~2 accepted ~1 our|the ~1 offer",
		"confirm ~3 your ~1 appointment",
	}, []string{"community", "network", "event", "webinar", "talent", "interview", "platform"}},
	{sigRejectWeak, 1.5, rSubj, []string{
		"update|regarding|status|news ~3 your ~2 application|candidacy",
	}, nil},
	{sigOffer, 2, rSubj | rNoNeg | rNoOthers, []string{
		"offer|offers",
	}, []string{"jobs", "alert", "exclusive", "discount", "free", "limited", "special"}},
	{sigOfferWeak, 0.8, rNoHypo | rNoNeg | rNoGeneric, []string{
		"start|starting ~1 date|salary",
		"base ~1 salary|pay|compensation",
		"annual ~1 salary|compensation",
		"salary ~1 of",
		"sign|signing ~2 bonus",
		"equity|stock ~1 grant|options|units",
		"relocation ~1 package|assistance|stipend",
		"compensation ~1 package",
		"benefits ~1 package|overview|summary|enrollment",
		"first ~1 day",
		"onboarding",
		"accept|sign|countersign|signing|accepting|signed ~4 offer|contract|agreement|letter|copy",
		"awaiting|requires|require|needs|pending ~3 your ~1 signature|countersignature",
		"equity|vest|vesting|cliff|rsus|bonus",
		"formal ~1 letter|paperwork|documents",
		"pto",
		"look|looking ~2 forward ~1 to ~1 working ~1 with ~1 you",
		"good|great|exciting|wonderful ~1 news ~3 phone|call",
		"docusign|adobe sign|hellosign ~2 envelope|document|request",
		"background ~1 check|screening",
	}, []string{"expectations", "expectation", "range", "what", "any"}},
	{sigOfferWeak, 0.7, rNoNeg, []string{"congratulations|congrats|congratulate"}, nil},

	// ---- interview and next steps ----
	{sigInvite, 3, rNoHypo | rNoNeg | rNoGeneric | rNoOthers | rNoAfterFor, []string{
		"invite|invited|inviting|invitation|invites ~4 interview|interviews|screen|screening|call|conversation|chat|meeting|onsite|round|stage|step|discussion|session|panel|presentation|talk|meet|speak|video|phone|zoom|next|final|technical|second|first|assessment|centre|center",
		"interview|call|screen|meeting|onsite|conversation|session|chat|visit|interviews ~4 scheduled|confirmed|booked|rescheduled|moved|changed|updated|arranged|set",
		"your ~2 interview|call|screen|meeting|onsite|conversation|chat|dive|session|loop|panel ~8 is|has|been ~2 confirmed|scheduled|booked|arranged|set",
		"you ~1 are ~1 confirmed|booked|scheduled|set ~1 for",
		"grabbed|booked|reserved|held|blocked ~2 a|the|some ~1 slot|time",
		"schedule|scheduling|arrange|arranging|book|booking|coordinate|coordinating|organize|organise|setting|set ~1 up? ~4 interview|interviews|call|screen|chat|conversation|meeting|time|times|onsite|session|slot|slots|video|phone|zoom|teams",
		"find|pick|choose|select|book|grab|propose|suggest|confirm ~2 a|some|the|your? ~1 time|times|slot|slots|date",
		"like|love|want|wants|wanted|keen|eager|hope ~3 to ~1 interview|meet|speak|talk|chat ~2 you|with|in",
		"confirm|confirming|confirmation|confirms ~3 your|the ~2 interview|call|meeting|screen|appointment|onsite|visit|conversation",
		"switch*|chang*|mov*|shift* ~3 your|the|our ~1 interview|call|meeting|screen|onsite|conversation",
		"send|share|provide|let|give ~4 availability|available|times|slots|windows",
		"which ~4 slot|slots|time|times|date|dates|option|options ~3 prefer|suit|suits|work|works|best",
		"like|love|want|keen|eager ~3 to ~1 invite|move|bring|schedule|set|book|arrange ~3 you|up|a|an|time|interview|call|meeting",
		"availability|available ~5 interview|call|chat|screen|conversation|meeting|speak|talk|connect|meet|discuss|zoom|phone|video|round|session",
		"you ~1 are|were|be ~1 free ~5 interview|call|chat|screen|conversation|meeting|speak|talk|connect|meet|discuss|zoom|phone|video|round|session",
		"when ~3 you ~2 available|free",
		"can|could|would ~1 you ~1 do|make ~3 call|chat|interview|meeting|tomorrow|monday|tuesday|wednesday|thursday|friday|am|pm",
		"are|would|will|is|be ~1 you ~1 available|free ~3 on|at|this|next|for|tomorrow|monday|tuesday|wednesday|thursday|friday",
		"does|would|will ~6 work ~1 for ~1 you",
		"mov*|advanc*|progress*|proceed* ~2 you|your ~3 forward|ahead|onto|through|further",
		"invit*|mov*|advanc*|progress*|proceed* ~2 you|your ~3 to|into ~2 next|second|final|third|following|onsite|technical|interview|round|stage|panel",
		"bring|bringing|fly|flying ~1 you ~2 in|onsite|back|out",
		"let ~1 us ~1 do|say|book|pencil|lock|schedule|plan|go ~3 monday|tuesday|wednesday|thursday|friday|mon|tue|tues|wed|thu|thurs|fri|tomorrow|today|pm|am|then|that|it",
		"will|i ~1 call|ring|phone ~1 you ~3 on|at ~4 monday|tuesday|wednesday|thursday|friday|tomorrow|pm|am|number|mobile|cell",
		"you ~3 selected|shortlisted|chosen|invited|advanced|moved|progressed|passed|moving|progressing|advancing ~5 interview|next|round|stage|step|phase|assessment|forward|further|onsite",
		"congratulations|congrats ~3 mov*|progress*|advanc*|pass* ~4 next|stage|round|step|final|onsite|interview",
		"like|love|want|keen ~2 to ~1 do|have|hold ~6 interview|screen|call|chat|conversation|onsite",
		"would|does|will|could|can ~1 monday|tuesday|wednesday|thursday|friday|tomorrow|today|next ~8 work|suit",
		"reminder|remind ~5 interview|interviews|onsite|screen|screening",
		"your|the ~1 upcoming|scheduled|confirmed|booked ~1 interview|interviews|onsite|screen|screening",
		"next ~1 step|stage ~4 is|will ~3 a|an ~3 interview|call|conversation|chat|screen|meeting|onsite",
		"are|is|would|do|does ~3 any|these|those|the|either|both ~2 times|slots|dates|options ~3 good|work|suit|convenient|okay|ok",
		"get|put|set ~3 conversation|call|chat|interview|time|meeting ~3 on ~1 the|your|my|our ~1 calendar|calendars",
		"mov*|proceed*|go ~1 forward|ahead ~1 with ~1 your|you",
		"next|following|second|third|final|technical|first|onsite ~1 round|stage|step|phase ~3 of ~3 our|the ~3 process|interview|interviews|hiring|recruitment|selection",
		"reschedul*",
		"interview ~2 invitation|invite|confirmation|confirmed|request|requested|scheduled|rescheduled|reminder|details|availability|schedule|slot|slots|times|logistics|agenda",
		"request|requested|requests ~4 interview|interviews|call|screen|meeting",
		"hiring ~1 manager|team ~4 would|wants|want ~1 like|love? ~2 to ~1 meet|speak|talk|interview|chat",
	}, []string{"community", "webinar", "fair", "newsletter", "event", "events", "alerts", "tips", "unsubscribe", "subscribe", "yourself", "brunch", "drinks", "birthday", "bday", "party", "celebrate", "wedding"}},
	// A short yes to a proposed slot; on its own it is not enough, with a
	// thread about an interview it confirms one.
	{sigInvite, 2, rBody | rNoNeg | rNoHypo, []string{
		"see ~1 you ~1 then|there|tomorrow|monday|tuesday|wednesday|thursday|friday|next",
		"talk|speak|chat ~1 to? ~1 you? ~1 then|tomorrow",
		"am|pm|time|slot|that|it|this|tuesday|monday|wednesday|thursday|friday ~1 works|work ~2 for? ~1 me|us|great|perfectly|fine|well",
		"confirmed",
		"will ~1 send ~2 the|an|a|calendar|meeting ~1 invite|invitation|hold",
	}, []string{"application", "order", "payment", "account", "subscription", "booking", "reservation"}},
	{sigInvite, 3, rNoNegNear | rNoGeneric | rFutureOK, []string{
		"reach ~1 out|back ~4 new|other|alternative|alternate|some ~1 times|slots|dates",
		"send|share|propose|suggest ~2 new|other|alternative|alternate|some ~1 times|slots|dates",
		"reschedul*",
	}, []string{"order", "delivery", "appointment"}},
	{sigInvite, 3, rNoHypo | rNoNeg | rNoGeneric | rNoOthers | rNoAfterFor, []string{
		"attend|join|come ~4 interview|interviews|assessment|onsite",
		"can|could|would ~1 you ~1 come ~1 in|by|into|over ~6 monday|tuesday|wednesday|thursday|friday|tomorrow|meet|chat|talk|interview|am|pm|at",
	}, []string{"thank", "thanks", "taking", "took", "webinar", "event", "workshop", "fair"}},
	{sigAssess, 3, rNoHypo | rNoNeg | rNoGeneric | rNoOthers | rNoAfterFor, []string{
		"complete|take|start|begin|finish|attempt|do|access|submit|record|completing|taking|schedule ~4 assessment|assessments|test|tests|challenge|challenges|exercise|exercises|assignment|questionnaire|evaluation|task|tasks|case|quiz|interview|screening|simulation|presentation|questions",
		"assessment|assessments|test|tests|challenge|questionnaire|exercise|assignment|task ~4 link|links|invitation|invite|below|attached|ready|waiting|pending|available|sent|due|expires|deadline",
		"invited|invitation|invite|invites ~3 to ~1 complete|take|submit|record|solve|attempt|sit",
		"next ~1 step|stage|steps ~5 assessment|assessments|test|tests|challenge|exercise|assignment|questionnaire|task|case",
	}, []string{"survey", "unsubscribe", "tips", "alerts", "webinar", "after", "onboarding", "handbook", "deposit", "paperwork"}},
	{sigAssess, 2, rNoHypo | rNoNeg | rNoGeneric | rNoOthers | rNoAfterFor, []string{
		"coding|technical|online|skills|skill|aptitude|cognitive|personality|video|recorded|way|written|writing|trial|case|takehome ~1 assessment|test|challenge|exercise|interview|task|screen|study|assignment",
	}, []string{"survey", "unsubscribe", "tips", "alerts", "webinar"}},
	{sigAssess, 2, rNoAfterFor | rNoHypo, []string{"takehome"}, nil},
	{sigAssess, 1.5, 0, []string{"hackerrank|codility|codesignal|testgorilla|hirevue|coderpad|pymetrics|mettl|vervoe|wonderlic|codingame|testdome|hackerearth|karat|modernhire|sparkhire|willo|harver"}, nil},
	{sigInviteWeak, 1.5, rNoHypo | rNoGeneric | rNoAfterFor, []string{
		"onsite|panel|final|inperson|site ~1 interview|interviews|round|visit",
		"calendly|goodtime|youcanbook|zcal|savvycal|chili|doodle",
		"zoom ~1 us",
		"teams ~1 microsoft",
		"meet ~1 google",
		"webex",
		"look|looking ~1 forward ~1 to ~2 speaking|talking|meeting|chatting|connecting|seeing|hearing|our|the ~2 you|conversation|call|chat|interview|meeting",
		"agenda",
		"dial ~1 in",
		"meeting ~1 id|link|invite|invitation",
		"calendar ~1 invite|invitation|hold",
		"you ~2 will ~1 meet ~1 with",
		"interviewing ~1 with",
		"interviewer|interviewers",
	}, []string{"webinar", "event", "unsubscribe"}},
	{sigInviteWeak, 1.5, rSubj | rNoNeg, []string{
		"interview|interviews|interviewing|screen|screening|onsite|assessment|availability|scheduling|schedule|next ~1 steps|step|round",
	}, []string{"tips", "alert", "alerts", "jobs", "questions", "prep", "guide"}},
	{sigInviteWeak, 0.5, rNoNeg | rNoHypo | rNoGeneric, []string{"interview|interviews|call|chat|conversation"}, nil},

	// ---- acknowledgement ----
	{sigAck, 3, rNoNeg, []string{
		"received|receiving|got|recieved|receive ~2 your|the ~1 application|applications|resume|submission|cv|candidacy|information|materials|details|interest|documents|profile|résumé",
		"receipt ~2 of ~2 your|the ~1 application|resume|submission|cv|candidacy",
		"application|applications|resume|submission|cv|candidacy ~4 received|submitted|sent|successful|successfully|confirmation|confirmed|recorded|complete|completed",
		"application|applications|resume|submission|candidacy|profile ~3 is|has ~2 been? ~1 in|under|being ~1 review|reviewed|considered|evaluated",
		"application ~1 has ~1 been ~1 forwarded|shared|passed",
		"application|resume|cv ~3 viewed|opened|downloaded",
	}, []string{"rejected", "declined", "unsuccessful", "unfortunately"}},
	{sigAck, 3, rNoNeg, []string{
		"you applied|submitted ~3 for|to|at",
		"you ~1 have|successfully|recently|just ~1 applied|submitted|sent",
		"sent|forwarded|submitted|shared|delivered ~2 your ~3 resume|profile|application|cv ~3 to|with",
		"recibido|recebemos|recebida|reçu|recu|erhalten|ontvangen|mottagit|ricevuto ~4 candidatura|solicitud|candidature|bewerbung|sollicitatie|ansökan|postulación|postulacion",
		"gracias|merci|danke|dank|obrigado|obrigada|tack|grazie ~5 candidatura|solicitud|candidature|bewerbung|sollicitatie|ansökan|postulación|postulacion|postularte",
		"thank|thanks ~5 for ~2 applying|application|applications|submitting|submission|apply|applied",
		"appreciate ~3 applying|application|submitting|submission",
	}, []string{"rejected", "declined", "unsuccessful", "unfortunately"}},
	{sigAckWeak, 1, 0, []string{
		"thank|thanks ~3 for ~1 your ~1 interest|time|consideration",
		"expressing|showing|expressed|showed ~2 interest",
		"interest ~1 in ~1 joining|working|our|the|a|career|careers|employment|position|role",
		"review|reviewing|evaluate|assess|considering|consider|screen ~3 your|all|the ~1 application|applications|qualifications|resume|candidacy|submission|experience|skills|background|profile",
		"application ~1 status",
		"candidate ~1 portal|home|profile|dashboard|account|center|centre|experience",
		"status ~3 of ~2 your ~1 application",
		"track|check|view|monitor ~4 status|progress",
		"high ~1 volume|number ~2 applications|candidates|applicants",
	}, nil},
	{sigProcess, 2, 0, []string{
		"if|should|once ~8 qualifications|qualification|experience|skills|profile|background|application|resume ~6 match|matches|meet|meets|align|aligns|fit|fits|suit|suits|suitable|selected|interest|considered",
		"if|should|once|when ~3 you|we ~2 selected|shortlisted|chosen|interested|decide|move|proceed|match|progress",
		"if ~1 there ~1 is ~2 match|fit|interest",
		"only ~4 candidates|applicants|those|individuals ~8 contacted|notified|contact|reach|hear",
		"candidates|applicants|those|individuals ~8 selected|chosen|shortlisted|qualified|match|matches|meet ~8 contacted|notified|invited|contact",
		"will|we ~6 contact|contacted|notified|reach|touch|hear ~4 if|should|once|when|whether",
		"next ~1 steps ~4 may|might|could|would|will ~1 include|involve|be",
		"hiring|interview|recruitment|recruiting|selection|application ~1 process ~4 includes|include|consists|involves|typically|usually|generally|may",
	}, nil},
	{sigProcess, 1, rNoNeg, []string{
		"we|team|recruiter|someone|member|manager|recruiters|they ~4 will ~3 review|be|contact|reach|get|follow|consider|evaluate|assess|let|notify|update",
	}, nil},

	// ---- the recruiter's own reply ----
	{sigStatus, 2, 0, []string{
		"still|currently ~3 reviewing|interviewing|evaluating|considering|meeting|speaking|talking|finalizing|finalising|working|waiting|gathering|collecting|deliberating|discussing|in|completing|wrapping|conducting|deciding|debating|weighing|comparing",
		"not ~3 made|reached|finalized|finalised ~3 decision|decisions",
		"no ~1 decision|decisions|update|news ~3 yet",
		"not ~2 have ~3 update|decision|answer|news",
		"wanted|want|quick|brief|just|short ~3 update|check|touch|let|give|keep|loop",
		"keep ~1 you ~1 posted|updated|informed|in",
		"delay|delayed|delays|longer ~2 than ~1 expected|anticipated|planned",
		"pushed ~1 back",
		"decision|decisions|process|timeline|timing|sign off ~8 delayed|postponed|slipping|slipped|pushed|held",
		"we|i ~1 will|should ~1 know ~3 by|before|within|early|next|end|on",
		"wrap|wrapping ~1 up ~2 by|before|within|next|early|this|on ~3 monday|tuesday|wednesday|thursday|friday|week|end|the",
		"hear ~2 from ~1 us|me ~2 directly? ~1 either ~1 way",
		"passed|forwarded|shared|sent|submitted|presented ~2 your ~2 resume|profile|application|information|details|materials|cv|portfolio ~3 to|with|along",
		"i ~2 submitted|sent|forwarded|presented|put ~1 you|your",
		"put ~1 you ~1 forward",
		"cv|resume|profile ~2 went ~1 over|across|through",
		"hiring ~1 manager|team|committee ~4 reviewing|review|discussing|deliberating|meeting|meets|decide|deciding|considering",
		"appreciate ~2 your ~1 patience",
		"thank|thanks ~2 for ~2 your ~1 patience",
		"wrap|wrapping|finish|finishing|finalize|finalizing ~2 up? ~3 interviews|process|decision|loop|references",
		"update ~1 you ~3 by|before|within|next|early|on|once|as|when|after|this|tomorrow|soon|shortly",
		"expect ~2 to ~1 hear",
		"hear ~2 from ~1 us|me|the ~3 by|within|before|next|early|soon|shortly|once|after",
		"flagged|escalated|nudged|pinged|chased|asked ~4 hiring|team|manager|panel|committee",
		"heard ~2 back ~2 from ~3 references|referees|team|manager|panel|committee",
		"finalizing|finalising|finalize|finalise ~3 approvals|approval|details|paperwork|decision|numbers",
		"get|come|circle|getting ~1 back ~2 to ~1 you",
		"reference|references|background ~1 checks|check|calls|screening ~4 progress|underway|complete|completed|done|cleared",
		"pass|passing|share|sharing ~2 it|them|this ~2 along|on ~2 to|with",
	}, nil},
	{sigStatus, 2, rNoNeg, []string{
		"reach|reaches|reaching|make|makes|making ~2 a|the|our|their ~1 final? ~1 decision ~2 in|within|by|before|next|early|this",
		"reach ~1 out|back|get ~1 back ~3 as ~1 soon ~1 as ~2 i|we ~1 have|hear|know",
		"collecting|gathering|collect|gather|compiling ~4 feedback",
		"passed|shared|sent|submitted ~2 my|our ~1 feedback|notes",
		"follow ~1 up|back ~3 with ~2 next ~1 steps",
		"reach ~1 out ~4 with ~2 next ~1 steps",
		"debrief|debriefing|debriefs",
	}, nil},
	{sigStatus, 2, rNoHypo | rNoGeneric, []string{
		"will|i|we ~2 let ~1 you ~1 know ~3 where|when|once|as|what|how|the|our|soon|shortly",
		"be ~1 in ~1 touch ~2 about|regarding|with ~2 next|the ~1 steps|step|decision|outcome|news|update",
	}, nil},
	{sigStatus, 2, rNoYou, []string{
		"answer|update|news|decision|feedback|word ~4 by|within|before|early|end",
	}, nil},
	{sigRequest, 2.5, rNoGeneric | rBody, []string{
		"send|share|provide|forward|email|submit|upload|attach|bring|complete|fill|list|confirm|include|reply ~5 reference|references|referees|referee|transcript|transcripts|portfolio|samples|sample|certificate|certificates|certifications|certification|license|licence|licenses|documents|documentation|document|identification|passport|authorization|authorisation|expectations|expectation|forms|form|copy|copies|diploma|degree|records|record|details|pdf|version|resume|cv|visa|eligibility|proof|salary|information|paperwork",
		"asked|requested|need|needs|require|requires ~4 copy|resume|cv|references|transcript|transcripts|documents|portfolio|samples|forms|details|information",
		"salary|compensation|pay|rate ~1 expectations|expectation|requirements|range",
		"notice ~1 period",
		"earliest|possible|potential|ideal ~1 start|starting ~1 date",
		"when ~3 you ~2 start|available ~1 to? ~1 start",
		"right ~1 to ~1 work",
		"work ~1 authorization|authorisation|permit|eligibility",
		"reference ~1 check|checks|contacts|details",
		"need|require|needs|requires ~3 items|documents|things|forms ~2 from ~1 you",
		"copy ~1 of ~4 transcript|transcripts|diploma|license|licence|certificate|passport|identification|degree|certification|certifications",
	}, []string{"if", "survey"}},
	{sigRequest, 1, rNoGeneric | rNoHypo | rNoNeg, []string{
		"could|can|would ~2 you ~2 send|share|provide|forward|email|submit|upload|confirm|tell|clarify|let|reply",
		"please ~3 send|share|provide|forward|submit|upload|confirm|let|reply|respond",
	}, []string{"survey", "feedback"}},
	{sigThanks, 1.5, 0, []string{
		"thank|thanks ~2 for ~3 following|follow|checking|reaching|note|email|message|kind|patience|getting|questions|question|update|letting|reply|response|thank|touching|writing|sending",
		"great|nice|good|pleasure|wonderful|lovely ~3 speaking|talking|meeting|chatting|speak|talk|meet|chat|hear|hearing ~2 with? you",
		"happy|glad ~2 to ~1 help|answer|hear|share",
		"hope ~2 you ~1 are|had|have",
		"good|great ~1 question|questions",
		"to ~1 answer ~1 your ~1 question|questions",
		"following ~1 up",
		"thank|thanks ~2 for ~1 spending ~3 day|time|afternoon|morning",
		"appreciate|appreciated ~2 the|your ~1 note|email|message|follow|kind",
		"enjoyed ~2 it|our|the ~1 too|conversation|chat|call|talk|discussion",
		"kind ~1 of ~1 you ~1 to ~1 say|write",
		"pleasure ~2 getting ~1 to ~1 know ~1 you",
		"thank|thanks ~2 for ~1 interviewing|coming|visiting ~2 with|in|to|us",
	}, nil},

	// ---- automatic replies ----
	{sigOOO, 3, rNoPast | rBody, []string{
		"out ~1 of ~1 the? ~1 office",
		"am|be|currently|presently|i ~3 on ~2 leave|vacation|holiday|holidays|pto|sabbatical|annual|parental|maternity|paternity|sick|medical|break|trip",
		"am|be|currently|presently ~2 away|traveling|travelling|unavailable|offline|ooo|oof|off|abroad",
		"upon|after|when ~1 my|i ~1 return|returning",
		"i ~3 return|returning|back ~2 on|in|to|from|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the|next|after|until",
		"respond|reply|get|answer|attend ~3 upon|when|after|once ~2 return|returning|back",
		"away ~1 from ~2 office|desk|my|email",
	}, []string{"come", "get", "circle", "coming", "getting", "call", "write", "reach", "got", "came", "shut", "cut", "turned", "switched", "water", "power"}},
	{sigOOO, 3, rNoPast | rBody, []string{
		"limited|no|intermittent|minimal|sporadic|restricted ~2 access ~1 to ~2 email|emails|mail|e|my",
		"currently|presently ~2 out ~1 of ~1 the? ~1 office",
		"am|i|currently ~3 away|out|off ~1 until|till|through|thru",
		"out ~1 sick|ill",
		"fuera ~1 de ~1 la ~1 oficina",
		"de ~1 vacaciones|permiso",
		"absent|absente ~2 du ~1 bureau",
		"en ~1 congé|congés|vacances",
		"de ~1 retour ~1 le|à|au",
		"nicht ~2 im ~1 büro|haus",
		"abwesend|urlaub",
		"fora ~1 do ~1 escritório",
		"afwezig|vakantie",
	}, nil},
	{sigOOO, 1.5, rNoPast | rBody, []string{
		"urgent|immediate|urgently ~3 matters|assistance|requests|inquiries|issues|help|please|contact|reach",
		"in ~1 my ~1 absence",
		"during ~1 my|this ~1 absence|time",
	}, nil},
	{sigOOO, 3, rSubj, []string{
		"automatic|auto|autoreply|autoresponse|automated ~1 reply|response|replies|responder|antwort",
		"out ~1 of ~1 the? ~1 office",
		"ooo|oof|abwesenheit|abwesenheitsnotiz|absence|vacation|holiday|away|leave",
	}, []string{"policy", "application"}},
	{sigAutoMsg, 2.5, 0, []string{
		"automatic|automated|auto ~1 reply|response|confirmation|acknowledgement|acknowledgment|receipt",
		"received|receipt ~3 your ~1 message|email|e|inquiry|enquiry|note|query|request|question|questions|ticket",
		"your ~1 request|message|email|inquiry|enquiry|ticket|query|case ~4 received|logged|created|opened",
		"type ~2 reply ~2 above",
		"thank|thanks ~3 for ~2 contacting|writing|your ~1 email|message|inquiry|enquiry|note|query",
	}, nil},

	// ---- not about an application ----
	{sigAlert, 1.5, 0, []string{
		"job|jobs ~1 alert|alerts|recommendations|recommended|matches|matching|picks|digest|notifications|notification|for|you|near|based|similar",
		"recommended|suggested|similar|new|top|latest|matching ~1 jobs|roles|positions|openings|opportunities|job",
		"based ~1 on ~1 your ~2 profile|search|searches|preferences|activity|skills|interests|resume|applications|history",
		"early ~1 applicant",
		"easy ~1 apply",
		"apply ~1 now|today",
		"view|see|browse|explore ~2 all|more|similar ~1 jobs|roles|positions|openings",
		"saved ~1 search|searches|jobs|job",
		"people ~1 also ~1 viewed",
		"now|actively ~1 hiring",
		"hiring ~1 now|near",
		"new ~1 opportunities ~1 for|that|matching",
		"jobs ~1 you ~1 may|might|could",
		"career|job ~1 opportunities|openings ~1 at|with|for",
		"weekly|daily|monthly ~1 summary|digest|recap|roundup|report",
	}, []string{"application"}},
	{sigOutreach, 2.5, rNoNeg, []string{
		"came|come|stumbled ~1 across ~2 your ~1 profile|background|linkedin|resume|experience|github|portfolio|work|cv",
		"found|saw|reviewed|viewed|noticed|impressed|read|looked ~4 your ~1 profile|background|linkedin|github|portfolio",
		"are|would|be|if ~2 you ~3 open|interested|considering|exploring|looking ~3 new|opportunities|opportunity|role|roles|position|change|move|chat|conversation|hearing",
		"not ~1 a ~1 job ~1 offer",
		"recruiting|hiring|searching|looking ~2 for ~3 a|an ~3 client",
		"my|our ~1 client|clients",
		"i ~2 am ~3 recruiter|sourcer|headhunter|talent|recruiting|reaching",
		"working|partnering ~2 with ~4 client|clients",
		"mind ~2 me? ~1 reaching ~1 out",
		"reaching ~1 out ~3 because|regarding|about|to ~1 see|gauge",
		"open ~1 to ~2 a ~1 quick|brief|short ~1 chat|call|conversation",
	}, []string{"application", "applied", "applying"}},
	{sigOutreach, 2.5, rNoNeg, []string{
		"reaching|writing|contacting|recruiting|hiring|searching ~3 on ~1 behalf ~1 of",
		"on ~1 behalf ~1 of ~3 my|our|a ~1 client|clients",
	}, []string{"application", "applied", "applying"}},
	{sigOutreach, 1, rNoNeg, []string{
		"exciting|great|unique|interesting|amazing|fantastic ~2 opportunity|opportunities|role",
	}, []string{"application", "applied", "applying", "interest"}},
	{sigSoftReject, 1, rNoHypo, []string{
		"encourage|invite|welcome|hope ~6 apply|explore|review|visit|check|keep|consider|watch|bookmark ~6 other|future|additional|more|new ~1 opportunities|positions|roles|openings|jobs|vacancies",
		"competitive ~2 pool|candidate|applicant|field|process|search",
		"wish|wishing ~1 you ~5 best|luck|success|well",
		"best ~1 of ~1 luck",
		"good ~1 luck",
		"future ~1 endeavors|endeavours|endeavor|endeavour|career|search",
		"keep ~1 you|your ~3 mind|file|database|consideration",
	}, []string{"join"}},
	{sigCommunity, 2, 0, []string{
		"talent ~1 community|network|pool|pipeline|hub|club|circle",
		"join ~2 our ~2 community|network|mailing|newsletter",
		"stay ~1 connected|in ~1 touch",
		"career|job ~1 updates|newsletter|news",
	}, nil},
	{sigAccount, 2.5, 0, []string{
		"verify|confirm|activate|validate ~2 your ~2 email|account|address|identity|registration",
		"verification|security|confirmation|access ~1 code|passcode",
		"one ~1 time ~1 code|passcode|password",
		"reset ~2 password",
		"password ~1 reset|change|changed|expired|expires",
		"account ~3 created|activated|registered|verified|locked|set|setup|has",
		"created ~2 an|your|a ~2 account|profile",
		"welcome ~2 to ~4 portal|careers|account|site|candidate|community|platform|website",
		"complete ~2 your ~1 profile|registration",
		"sign ~1 up|in ~3 account|portal|dashboard",
	}, nil},
	{sigMarketing, 1, 0, []string{
		"newsletter|webinar|webinars|podcast|digest|promotion|promo|discount|premium|subscription|subscribers|unsubscribe|upgrade",
		"career|job ~1 fair|fairs|expo",
		"hiring|recruiting|recruitment|career|networking|virtual|open ~1 event|events|house|day|fair|session|sessions",
		"info|information ~1 session|sessions|evening|night",
		"register|registration|rsvp|save ~2 seat|spot|now|today|here|date|your",
		"read ~1 more|the ~1 article|story",
		"tips|advice|guide|article|articles|course|courses|webinar|trends|insights",
		"free ~1 trial",
		"you ~1 are ~1 invited",
	}, nil},
	{sigNotOffer, 3, 0, []string{
		"not ~1 a|an ~1 job|offer ~1 offer|of",
		"does ~1 not ~1 constitute ~2 offer",
		"is ~1 not ~1 an ~1 offer",
	}, nil},
	{sigAutomated, 1, 0, []string{
		"do ~1 not ~1 reply|respond",
		"automated|automatic|automatically|system|computer ~1 generated|message|email|notification",
		"not ~1 monitored|monitor",
		"no ~1 reply|replies",
		"unattended ~1 mailbox|inbox",
		"noreply|donotreply",
	}, nil},
	{sigNoFollow, 3, 0, []string{
		"not|refrain|avoid to|from|directly? call|calls|calling|phone|telephone|email|emails|e|contact|contacting|follow|reach|inquire|enquire|check|visit|ask|write|message|chase|ring ~8 status|regarding|about|concerning|office|interviewers|interviewer|manager|managers|department|recruiter|recruiters|outcome|decision|progress|updates|update|directly",
		"unable|not ~4 respond|reply|answer|accept|return|take|provide|give|handle|accommodate|acknowledge|offer ~4 status|phone|telephone|calls|updates|update",
		"unable|not ~6 respond|reply|answer|accept|return|take|handle|acknowledge ~4 inquiries|enquiries|queries|questions|requests|emails|calls ~3 about|regarding|on|concerning|related|as ~3 status|application|applications|progress|outcome",
		"no ~1 phone|telephone ~1 calls|inquiries|enquiries",
		"not ~1 reach|follow|email|call|contact|chase|write ~2 out|up|us|me ~2 again? ~2 until ~2 we|i ~2 contact|reach|get|are|email|call|have",
		"calls|inquiries|enquiries|queries ~5 not ~2 be? ~1 accepted|returned|answered|responded|acknowledged",
	}, []string{"hesitate", "forget", "fail"}},
	{sigApplication, 1, rNoGeneric, []string{
		"your ~2 application|applications|candidacy|submission",
		"you ~2 applied|interviewed|apply|submitted",
	}, []string{"jobs"}},
	{sigJobWord, 1, 0, []string{
		"application|applying|applied|candidacy|position|role|interview|recruiter|hiring|candidate|recruiting|recruitment|onsite|interviewer|interviewers|resume|vacancy",
		"bewerbung|bewerbungen|vorstellungsgespräch|candidature|candidatura|postulación|postulacion|sollicitatie|entretien|entrevista|colloquio|stelle|poste|puesto",
		"second|third|final|2nd|3rd ~1 round|interview|interviews",
		"phone|video|recruiter ~1 screen|screening|interview",
		"working ~1 interview",
		"meet ~4 the|our ~2 team|founders|founder|cto|ceo|manager",
		"bring ~1 you ~1 in",
		"full|interview|onsite|final ~1 loop",
		"deep ~1 dive",
		"talent|people ~1 acquisition|partner",
		"next ~1 round|stage",
		"next ~1 step|steps ~4 process",
	}, nil},
	{sigEmploy, 1, 0, []string{
		"position|positions|role|roles|job|jobs|vacancy|vacancies|candidate|candidates|candidacy|hiring|recruiter|recruiters|recruiting|recruitment|employment|employer|resume|cv|onsite|salary|applicant|applicants|internship",
		"bewerbung|bewerbungen|vorstellungsgespräch|candidature|candidatura|postulación|postulacion|sollicitatie",
	}, nil},
	{sigNonJob, 1, 0, []string{
		"rental|lease|tenancy|apartment|housing|mortgage|loan|insurance|membership|scholarship|grant|visa|permit|residency|card application|applications",
		"apply|applying|applied ~2 to|for ~2 rent|lease|loan|mortgage|apartment|credit|membership",
		"mortgage|mortgages|borrow|lending|tenancy|landlord|tuition|apr",
		"lettings|referencing|deposit ~1 scheme",
		"application ~2 for ~6 card|loan|mortgage|account|credit|lease|rental|apartment|membership|permit|visa|passport|program|programme|admission|scholarship|grant",
		"talk|conference|paper|abstract|session|speaker|speaking|workshop|panel|cfp ~1 proposal|proposals|submission|submissions",
		"call ~1 for ~1 proposals|papers|speakers|abstracts",
	}, nil},
	{sigMedia, 1, 0, []string{
		"podcast|episode|journalist|reporter|magazine|documentary|livestream|newspaper",
		"radio ~1 show|station|interview|programme|program|segment|host|listeners",
		// An admissions interview is for a school, not a job.
		"admissions|admission ~1 interview|interviews|committee|office|decision|decisions|portal|team",
		"graduate|undergraduate|postgraduate|mba|doctoral|phd ~1 admissions|admission",
		"offer|offers ~3 of ~1 a ~1 place|places",
		"offer ~2 to ~1 study",
		"student ~1 id|number|finance|loan|visa",
		"tuition ~1 fee|fees|deposit",
		"master|masters|bachelor|bachelors|doctor ~1 of ~1 science|arts|business|engineering|philosophy|laws|education|fine",
		// A mock interview with a coach is practice, not a job's.
		"mock|practice ~2 interview|interviews",
		"career|interview ~1 coach|coaching|coaches|prep",
	}, nil},
}

// thanksFor reports whether the sentence opens with thanks for something
// ("thank you (again) for", "thanks for") and the match at from is inside it.
func thanksFor(d *doc, s *sentence, from int) bool {
	k := s.from
	if k >= s.to || d.toks[k].w != "thank" && d.toks[k].w != "thanks" {
		return false
	}
	for j := k + 1; j < min(s.to, k+4); j++ {
		if d.toks[j].w == "for" {
			return from > j
		}
	}
	return false
}

var contactVerbs = map[string]bool{"call": true, "calls": true, "phone": true, "email": true, "e": true, "contact": true,
	"reach": true, "follow": true, "inquire": true, "enquire": true, "check": true, "ask": true, "write": true, "message": true, "chase": true}

var auxWords = map[string]bool{"will": true, "would": true, "do": true, "does": true, "did": true, "can": true, "shall": true, "should": true}

// rule is a compiled pattern of a ruleDef.
type rule struct {
	id   int // index in allRules
	def  *ruleDef
	src  string
	pat  []elem
	excl map[string]bool
}

// ruleIndex maps a first word to the rules that start with it;
// prefixIndex maps the first three letters of a first-element prefix.
var (
	ruleIndex   map[string][]*rule
	prefixIndex map[string][]*rule
	allRules    []*rule
)

func init() {
	ruleIndex = make(map[string][]*rule)
	prefixIndex = make(map[string][]*rule)
	for i := range ruleDefs {
		d := &ruleDefs[i]
		var excl map[string]bool
		if len(d.excl) > 0 {
			excl = make(map[string]bool, len(d.excl))
			for _, w := range d.excl {
				excl[w] = true
			}
		}
		for _, src := range d.pats {
			pat, err := compilePattern(src)
			if err != nil {
				panic("classify: " + err.Error())
			}
			r := &rule{id: len(allRules), def: d, src: src, pat: pat, excl: excl}
			allRules = append(allRules, r)
			for _, w := range pat[0].words {
				ruleIndex[w] = append(ruleIndex[w], r)
			}
			seen := map[string]bool{}
			for _, p := range pat[0].prefixes {
				if !seen[p[:3]] {
					seen[p[:3]] = true
					prefixIndex[p[:3]] = append(prefixIndex[p[:3]], r)
				}
			}
		}
	}
}

// hit is one rule matching one place of the document.
type hit struct {
	r          *rule
	from, to   int // token range [from, to]
	sent       int
	inSubject  bool
	effectiveW float64
}

// findHits runs every rule over the document. Each pattern counts once,
// at its first acceptable place.
func (d *doc) findHits() []hit {
	hits := make([]hit, 0, 32)
	var seen []bool
	for ti := range d.toks {
		w := d.toks[ti].w
		rs := ruleIndex[w]
		var ps []*rule
		if len(w) >= 3 {
			ps = prefixIndex[w[:3]]
		}
		if len(rs) == 0 && len(ps) == 0 {
			continue
		}
		si := d.toks[ti].sent
		s := &d.sents[si]
		for k := 0; k < len(rs)+len(ps); k++ {
			var r *rule
			if k < len(rs) {
				r = rs[k]
			} else {
				r = ps[k-len(rs)]
			}
			if seen != nil && seen[r.id] {
				continue
			}
			f := r.def.flags
			if f&rSubj != 0 && !s.subject || f&rBody != 0 && s.subject {
				continue
			}
			end := matchAt(d.toks, r.pat, ti, s.to)
			if end < 0 {
				continue
			}
			if !d.accept(r, s, ti, end) {
				continue
			}
			if seen == nil {
				seen = make([]bool, len(allRules))
			}
			seen[r.id] = true
			w := r.def.w
			if r.def.sig == sigInvite && f&rFutureOK == 0 && d.futureBefore(s, ti) {
				// "we will schedule a call" promises; "please pick a time" acts.
				w *= 0.5
			}
			hits = append(hits, hit{r: r, from: ti, to: end, sent: si, inSubject: s.subject, effectiveW: w})
		}
	}
	return hits
}

// futureBefore reports whether "will" comes before token ti in its sentence.
func (d *doc) futureBefore(s *sentence, ti int) bool {
	for k := max(s.from, ti-6); k < ti; k++ {
		if w := d.toks[k].w; w == "will" || w == "shall" {
			return true
		}
	}
	return false
}

var futureWords = map[string]bool{"will": true, "would": true, "only": true, "may": true, "might": true, "could": true}

// accept applies a rule's context conditions to a match.
func (d *doc) accept(r *rule, s *sentence, from, to int) bool {
	f := r.def.flags
	sf := s.flags
	if f&rNoHypo != 0 && (sf&sfHypo != 0 || sf&sfWould != 0 && s.wouldAt <= to) {
		return false
	}
	if f&rNoOthers != 0 && sf&sfOthers != 0 {
		return false
	}
	// An offer made to the writer or a third person is theirs, not the
	// reader's: "they're making me an offer".
	if r.def.sig == sigOffer {
		for k := from; k <= to; k++ {
			switch d.toks[k].w {
			case "me", "him", "her", "them", "us", "my":
				return false
			}
		}
	}
	// "Anyone you'd prefer we not contact" is the company asking about
	// references, "I won't reach out about this role again" a recruiter
	// promising silence: neither tells the reader not to chase.
	if r.def.sig == sigNoFollow && from+1 <= to && contactVerbs[d.toks[from+1].w] {
		k := from - 1
		for k >= s.from && auxWords[d.toks[k].w] {
			k--
		}
		if k >= s.from {
			switch d.toks[k].w {
			case "we", "i", "they":
				return false
			}
		}
	}
	if (r.def.sig == sigInvite || r.def.sig == sigAssess) && thanksFor(d, s, from) {
		// "Thanks for taking the time to do the full interview loop" looks
		// back on it.
		return false
	}
	if r.def.sig == sigInvite {
		// "Including any invitation to interview, all mail will go to
		// your account" promises nothing; "a decision on who to invite to
		// final interviews" is a status.
		if from > s.from {
			if w := d.toks[from-1].w; w == "any" || w == "all" {
				return false
			}
			if from-1 > s.from && d.toks[from-1].w == "to" {
				switch d.toks[from-2].w {
				case "who", "whom", "whether", "which":
					return false
				}
			}
		}
		// "Confirm your start date" is onboarding, not a slot.
		if d.toks[to].w == "date" && to > from {
			switch d.toks[to-1].w {
			case "start", "starting", "closing", "due", "end", "expiry", "birth", "joining":
				return false
			}
		}
	}
	// A question states no decision: "did they make you an offer?",
	// "did they turn you down?".
	if sf&sfQuestion != 0 && (r.def.sig == sigOffer || r.def.sig == sigReject || r.def.sig == sigWithdrawn) {
		return false
	}
	if f&rNeedOthers != 0 && sf&sfOthers == 0 {
		return false
	}
	if f&rNoNeg != 0 && sf&sfNeg != 0 {
		return false
	}
	if f&rNoGeneric != 0 && sf&sfGeneric != 0 {
		return false
	}
	if f&rNoPast != 0 && sf&sfPast != 0 {
		return false
	}
	if f&rNeedYou != 0 && sf&sfYou == 0 {
		return false
	}
	if f&rNoNegNear != 0 {
		for k := max(s.from, from-3); k <= to; k++ {
			if negWords[d.toks[k].w] {
				return false
			}
		}
	}
	if f&rNoFutureNear != 0 {
		for k := max(s.from, from-3); k <= min(to+2, s.to-1); k++ {
			switch d.toks[k].w {
			case "will", "would", "shall", "soon", "expect", "expected", "anticipate", "once", "when", "until", "till", "unless", "before":
				return false
			}
		}
	}
	if f&rNoAfterFor != 0 && from > s.from {
		switch d.toks[from-1].w {
		case "for", "after", "since":
			return false
		}
	}
	if f&rNoYou != 0 {
		for k := from; k <= to; k++ {
			if w := d.toks[k].w; w == "you" || w == "your" {
				return false
			}
		}
	}
	if f&rNoFuture != 0 {
		for k := s.from; k < from; k++ {
			if futureWords[d.toks[k].w] {
				return false
			}
		}
	}
	if f&rNoYet != 0 || r.excl != nil {
		for k := s.from; k < s.to; k++ {
			w := d.toks[k].w
			if f&rNoYet != 0 && (w == "yet" || w == "still") {
				return false
			}
			if r.excl[w] {
				return false
			}
		}
	}
	return true
}
