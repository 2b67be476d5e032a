package hostile

import "golang.org/x/text/language"

func tmTag(s string) language.Tag { return language.MustParse(s) }
