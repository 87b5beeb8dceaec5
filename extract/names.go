package extract

import (
	"github.com/readout/readout/internal/lowercase"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word classes shared by the entity and participant stages. They are about
// the shape of English news text, not about any one article.

// nameParticles join the parts of a personal name: "el-Sisi", "bin Salman",
// "van der Leyen", "Abdel Fattah", "Zia ul-Haq".
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true,
	"van": true, "von": true, "der": true, "den": true, "de": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "dos": true, "das": true, "del": true,
	"arap": true, "ter": true, "wa": true, "ul": true, "ud": true, "ur": true,
}

// notNames are capitalised words that never start or continue a personal
// name in news: calendar words, pronouns, determiners and sentence openers.
var notNames = toSet(`I Mr Mrs Ms Dr Prof Sir Dame Lord Lady Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April May June July August September
October November December The A An This That These Those It Its He She They We You His Her
Their Our My In On At For From With By Of And Or But If As After Before While When Where
Who What Why How Which Both Each Every All No Not Some Any Many Most More One Two Three
There Here Then Than So Yet Also Just Only Even Still Meanwhile However According Officials
Table Figure Photo Source Reuters AP AFP Affairs Democrats Republicans Socialists Conservatives Liberals
Communists Nationalists Christmas Easter`)

// honorifics precede a name but are not part of it.
var honorifics = toSet(`mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady baroness baron countess earl viscount viscountess marquess marchioness sheikh sheik sayyid seyed sen. rep. gov. gen. lt. col. capt. sgt. adm. maj.
cde comrade monsenor shahid his her excellency majesty highness hojatoleslam honorable honourable hon hon.
seyyed ratu ro father fr fr. alhaji alhaja hajia datuk dato dato' datin seri shri shrimati smt smt. herr frau monsieur sheikha h.e. tengku tunku
rev rev. revd venerable ven ven.`)

// honorificPairs are honorifics of two words, Malaysian titles of the
// federal and state orders ("Tan Sri", "Datuk Seri") and British styles
// ("Rt Hon", "Rt Rev", "Very Rev").
var honorificPairs = toSet(`tan+sri puan+sri toh+puan datuk+seri datuk+sri dato+seri dato+sri dato'+seri dato'+sri
rt+hon rt.+hon right+hon rt+rev rt.+rev right+rev very+rev most+rev`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// trimPossessive drops a possessive ending: "government's" is "government".
func trimPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
}

// isCapitalized reports whether w starts with an upper-case letter.
func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAllCaps reports whether w has letters and all of them are upper case.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// isPossessive reports whether w is the possessive clitic.
func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "‘s"
}

// isDash reports whether w is a dash used as a separator.
func isDash(w string) bool { return slices.Contains(dashes, w) }

// particlePrefixed reports whether w is a lowercase particle joined to a
// capitalised name part by a hyphen: "el-Sisi", "al-Assad", "bin-Zayed".
func particlePrefixed(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	return lowercase.Get(nameParticles, w[:i]) && isCapitalized(w[i+1:])
}

// bornWord reports whether w says where someone was born
// ("Jamaican-born"): a word before a name, not of it. (No case folding:
// it runs on every token, and the suffix is written in lower case.)
func bornWord(w string) bool { return strings.HasSuffix(w, "-born") }

// isNameWord reports whether w can be part of a personal name, given whether
// the next word is one (particles need a name word after them).
func isNameWord(w string, nextIsName bool) bool {
	switch {
	case notNames[w]:
		return false
	case bornWord(w):
		return false
	case particlePrefixed(w):
		return true
	case nameParticles[w]:
		return nextIsName
	case !isCapitalized(w):
		return false
	}
	// Letters, apostrophes, hyphens and dots ("R.", "O'Brien", "Jean-Yves").
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' && r != '.' {
			return false
		}
	}
	// A long all-caps word is an acronym, not a name; "EL-SISI" style
	// upper-cased surnames are handled by the caller's case folding.
	return !(isAllCaps(w) && utf8.RuneCountInString(w) > 1 && !strings.Contains(w, "."))
}

// stripHonorific drops a leading honorific ("Mr", "Sheikh") from a name.
func stripHonorific(words []string) []string {
	// ("Miss Clark": an honorific to strip, though the tagger may read
	// "Miss" in other names, "Miss World".)
	for len(words) > 1 {
		switch {
		case len(words) > 2 && lowercase.Get(honorificPairs, words[0]+"+"+words[1]):
			words = words[2:]
		case lowercase.Get(honorifics, words[0]) || words[0] == "Miss":
			words = words[1:]
		default:
			return words
		}
	}
	return words
}

// foldName is the key two spellings of one name share: lower case,
// diacritics and punctuation dropped ("Erdoğan" and "Erdogan").
func foldName(s string) string {
	b := make([]byte, 0, len(s))
	space := true // drop leading and repeated spaces
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				b = append(b, c)
			case c == ' ' || c == '-':
				if !space {
					b = append(b, ' ')
				}
				space = true
				continue
			default:
				continue
			}
		default:
			r = unicode.ToLower(r)
			if f, ok := foldRune[r]; ok {
				b = append(b, f...)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b = utf8.AppendRune(b, r)
			} else if unicode.IsSpace(r) {
				if !space {
					b = append(b, ' ')
				}
				space = true
				continue
			} else {
				continue
			}
		}
		space = false
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

var foldRune = func() map[rune]string {
	m := map[rune]string{}
	pairs := "àa áa âa ãa äa åa āa ăa ąa çc ćc čc ďd đd èe ée êe ëe ēe ėe ęe ěe ğg ìi íi îi ïi īi įi ıi ľl łl ñn ńn ňn òo óo ôo õo öo øo ōo őo ŕr řr śs šs şs șs ťt ţt țt ùu úu ûu üu ūu ůu űu ųu ýy ÿy źz żz žz"
	for _, p := range strings.Fields(pairs) {
		r, size := utf8.DecodeRuneInString(p)
		m[r] = p[size:]
	}
	m['ß'] = "ss"
	m['-'] = " "
	return m
}()
