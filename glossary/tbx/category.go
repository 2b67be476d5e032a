package tbx

import (
	"encoding/xml"
	"errors"
	"strings"
)

// category describes how a TBX-Basic data category is written: the DCA element that carries it as a type
// attribute, and the DCT module (namespace prefix) whose element it is.
type category struct {
	element string // DCA element
	dct     string // DCT element: prefix ("min" or "basic") and name
}

// DCT namespaces written by this package, those of the official TBX-Basic examples.
const (
	nsCore  = "urn:iso:std:iso:30042:ed-2"
	nsMin   = "http://www.tbxinfo.net/ns/min"
	nsBasic = "http://www.tbxinfo.net/ns/basic"
)

// categories are the TBX-Basic data categories (TBX-Basic dialect specification, v3). The four of TBX-Min
// live in the min module, the others in the basic module.
var categories = map[string]category{
	"administrativeStatus":   {"termNote", "min:administrativeStatus"},
	"customerSubset":         {"admin", "min:customerSubset"},
	"partOfSpeech":           {"termNote", "min:partOfSpeech"},
	"subjectField":           {"descrip", "min:subjectField"},
	"context":                {"descrip", "basic:context"},
	"crossReference":         {"ref", "basic:crossReference"},
	"definition":             {"descrip", "basic:definition"},
	"externalCrossReference": {"xref", "basic:externalCrossReference"},
	"geographicalUsage":      {"termNote", "basic:geographicalUsage"},
	"grammaticalGender":      {"termNote", "basic:grammaticalGender"},
	"projectSubset":          {"admin", "basic:projectSubset"},
	"responsibility":         {"transacNote", "basic:responsibility"},
	"source":                 {"admin", "basic:source"},
	"termLocation":           {"termNote", "basic:termLocation"},
	"termType":               {"termNote", "basic:termType"},
	"transactionType":        {"transac", "basic:transactionType"},
	"xGraphic":               {"xref", "basic:xGraphic"},
}

// typedElements are the core elements whose data category is their type attribute (DCA style and v2).
var typedElements = map[string]bool{
	"descrip": true, "admin": true, "termNote": true, "xref": true, "ref": true,
	"transac": true, "transacNote": true, "descripNote": true, "adminNote": true,
}

// untypedElements are core elements that are their own data category.
var untypedElements = map[string]bool{"note": true, "date": true}

// groupElements are the core grouping elements: their first data category is the head, the rest its Info.
var groupElements = map[string]bool{
	"descripGrp": true, "adminGrp": true, "transacGrp": true, "termNoteGrp": true,
}

// groupFor is the grouping element for a head written as the DCA element el.
func groupFor(el string) string {
	switch el {
	case "admin":
		return "adminGrp"
	case "transac":
		return "transacGrp"
	case "termNote":
		return "termNoteGrp"
	}
	return "descripGrp"
}

// dcaElement is the element Write uses for a Descrip in DCA style and v2.
func dcaElement(d Descrip) string {
	if d.Element != "" && (typedElements[d.Element] || untypedElements[d.Element]) {
		return d.Element
	}
	if untypedElements[d.Type] {
		return d.Type
	}
	if c, ok := categories[d.Type]; ok {
		return c.element
	}
	return "descrip"
}

// dctName is the element name Write uses for a data category in DCT style: the namespaced element of a
// TBX-Basic category, or the core element of note and date. It is "" for categories TBX-Basic does not
// define and for categories read from an element other than TBX-Basic's: those are written in DCA form,
// which keeps their element and type exactly.
func dctName(d Descrip) string {
	if untypedElements[d.Type] && (d.Element == "" || d.Element == d.Type) {
		return d.Type
	}
	if c, ok := categories[d.Type]; ok && (d.Element == "" || d.Element == c.element) {
		return c.dct
	}
	return ""
}

// Status values returned by StatusValue.
const (
	StatusPreferred  = "preferred"
	StatusAdmitted   = "admitted"
	StatusDeprecated = "deprecated"
	StatusSuperseded = "superseded"
	StatusForbidden  = "forbidden"
)

// statuses maps lower-cased raw administrativeStatus values (and the normativeAuthorization values of
// ISO 12620, TBX-Min's picklist and common tool exports) to the five statuses.
var statuses = map[string]string{
	"preferredterm-admn-sts":    StatusPreferred,
	"preferredterm":             StatusPreferred,
	"preferred":                 StatusPreferred,
	"standardizedterm-admn-sts": StatusPreferred,
	"standardizedterm":          StatusPreferred,
	"admittedterm-admn-sts":     StatusAdmitted,
	"admittedterm":              StatusAdmitted,
	"admitted":                  StatusAdmitted,
	"permitted":                 StatusAdmitted,
	"legalterm-admn-sts":        StatusAdmitted,
	"legalterm":                 StatusAdmitted,
	"regulatedterm-admn-sts":    StatusAdmitted,
	"regulatedterm":             StatusAdmitted,
	"deprecatedterm-admn-sts":   StatusDeprecated,
	"deprecatedterm":            StatusDeprecated,
	"deprecated":                StatusDeprecated,
	"notrecommended":            StatusDeprecated,
	"supersededterm-admn-sts":   StatusSuperseded,
	"supersededterm-admn-st":    StatusSuperseded,
	"supersededterm":            StatusSuperseded,
	"superseded":                StatusSuperseded,
	"obsolete":                  StatusSuperseded,
	"forbiddenterm-admn-sts":    StatusForbidden,
	"forbiddenterm":             StatusForbidden,
	"forbidden":                 StatusForbidden,
	"prohibited":                StatusForbidden,
	"donotuse":                  StatusForbidden,
}

// StatusValue interprets a raw administrativeStatus value. Matching ignores case and surrounding space:
//
//	preferred   preferredTerm-admn-sts, preferredTerm, preferred, standardizedTerm(-admn-sts)
//	admitted    admittedTerm-admn-sts, admittedTerm, admitted, permitted, legalTerm(-admn-sts),
//	            regulatedTerm(-admn-sts)
//	deprecated  deprecatedTerm-admn-sts, deprecatedTerm, deprecated, notRecommended (TBX-Min)
//	superseded  supersededTerm-admn-sts (and the misspelt -admn-st), supersededTerm, superseded,
//	            obsolete (TBX-Min)
//	forbidden   forbiddenTerm-admn-sts, forbiddenTerm, forbidden, prohibited, doNotUse
//
// Anything else, including "", gives "": the status is unknown, and the caller decides what that means.
func StatusValue(raw string) string {
	return statuses[strings.ToLower(strings.TrimSpace(raw))]
}

// BasicStatus returns the TBX-Basic administrativeStatus value for a status as returned by StatusValue
// ("preferred" gives "preferredTerm-admn-sts"), or raw unchanged when it is not one of the five.
// TBX-Basic has no forbidden status: "forbiddenTerm-admn-sts" is this package's extension, which
// StatusValue reads back; schema validators will flag it.
func BasicStatus(raw string) string {
	switch raw {
	case StatusPreferred, StatusAdmitted, StatusDeprecated, StatusSuperseded, StatusForbidden:
		return raw + "Term-admn-sts"
	}
	return raw
}

// trimPrefix renders an error inside a ParseError without repeating the package prefix or encoding/xml's
// own position.
func trimPrefix(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	if err == nil {
		return "unknown error"
	}
	msg := strings.TrimPrefix(err.Error(), "tbx: ")
	return strings.TrimPrefix(msg, "xml: ")
}
