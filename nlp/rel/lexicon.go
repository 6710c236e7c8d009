package rel

// Trigger-word classes. A word's class is a feature, so that rare trigger
// words share what frequent ones teach ("assassinated" with "killed",
// "chairman" with "president"), and it picks the trigger a relation
// reports.
const (
	lexNone uint8 = iota
	lexKill
	lexRole
	lexWork
	lexLive
	lexBased
	lexPrep
	lexMeet
	lexOf
	nLex
)

var lexNames = [nLex]string{"", "kill", "role", "work", "live", "based", "prep", "meet", "of"}

var lexicon = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(c uint8, words ...string) {
		for _, w := range words {
			m[w] = c
		}
	}
	add(lexKill, "kill", "kills", "killed", "killing", "killer", "murder", "murders", "murdered",
		"murderer", "assassin", "assassinate", "assassinated", "assassination", "assassinating",
		"shot", "shoot", "shooting", "slay", "slain", "slayer", "slaying", "stabbed", "strangled",
		"executed", "poisoned", "gunned", "beheaded", "lynched")
	add(lexRole, "president", "chairman", "chairwoman", "chair", "director", "executive",
		"chief", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "official",
		"officials", "member", "members", "minister", "secretary", "manager", "editor", "founder",
		"co-founder", "commander", "general", "governor", "senator", "sen.", "rep.",
		"representative", "ambassador", "envoy", "correspondent", "reporter", "analyst",
		"economist", "professor", "lawyer", "attorney", "officer", "agent", "employee",
		"employees", "worker", "workers", "owner", "partner", "boss", "aide", "adviser",
		"advisor", "deputy", "vice", "ceo", "coach", "captain", "chancellor", "premier",
		"king", "queen", "prince", "mayor", "commissioner", "administrator", "dean",
		"politburo", "bureau", "staff", "analyst", "scientist", "researcher", "ruler")
	add(lexWork, "works", "work", "worked", "working", "employed", "joined", "hired", "heads",
		"headed", "leads", "led", "runs", "ran", "founded", "serves", "served", "elected",
		"appointed", "named", "resigned", "retired", "represents", "told", "said", "says")
	add(lexLive, "lives", "live", "lived", "living", "resident", "residents", "native",
		"born", "home", "hometown", "grew", "raised", "moved", "citizen", "native-born",
		"dies", "died", "buried", "settled", "stays", "stayed", "exile", "exiled", "from")
	add(lexBased, "based", "headquarters", "headquartered", "hq", "offices", "office",
		"branch", "plant", "factory", "seat", "capital")
	add(lexPrep, "in", "at", "near", "outside", "inside", "within", "across")
	add(lexMeet, "met", "meet", "meets", "meeting", "meetings", "talks", "talked", "talk",
		"spoke", "speaks", "visited", "visit", "visits", "visiting", "received", "hosted",
		"hosts", "conferred", "negotiated", "call", "phoned", "telephoned", "summit")
	add(lexOf, "of", "for", "with", "'s")
	return m
}()

func lexClass(w string) uint8 { return lexicon[w] }
