package token

// maxPlaceholder bounds how far a brace, tag or reference may reach, so that a stray '<' or '{' in
// running text costs constant time instead of a scan to the end of the input.
const maxPlaceholder = 256

// placeholderAt returns the end of the placeholder starting at s[i], or i when there is none.
func placeholderAt(s string, i int) int {
	switch s[i] {
	case '%':
		return printfAt(s, i)
	case '{':
		return braceAt(s, i)
	case '$':
		if i+1 < len(s) && s[i+1] == '{' {
			if end := closeBrace(s, i+2, 1); end > 0 {
				return end
			}
		}
	case '<':
		return tagAt(s, i)
	case '&':
		return entityAt(s, i)
	}
	return i
}

// printfAt recognizes C/POSIX, Python, Java and Objective-C conversions (%s %5.2f %1$d %(name)s %@ %%)
// and Qt's %1 … %99. A space flag is not accepted, so "50% of" is text, not "% o".
func printfAt(s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return i
	}
	if s[j] == '%' {
		return j + 1
	}
	if s[j] == '(' { // Python mapping key
		k := j + 1
		for k < len(s) && k-j <= 64 && isIdentByte(s[k]) {
			k++
		}
		if k == j+1 || k >= len(s) || s[k] != ')' {
			return i
		}
		j = k + 1
	} else if s[j] == 'L' && j+1 < len(s) && isDigitByte(s[j+1]) && s[j+1] != '0' { // Qt %L1
		return qtAt(s, i, j+1)
	} else if isDigitByte(s[j]) && s[j] != '0' {
		k := j
		for k < len(s) && isDigitByte(s[k]) {
			k++
		}
		if k < len(s) && s[k] == '$' { // positional %1$d
			j = k + 1
		} else if end := printfTail(s, j); end > j {
			return end // width: %5d, %10.2f
		} else {
			return qtAt(s, i, j)
		}
	}
	if end := printfTail(s, j); end > j {
		return end
	}
	return i
}

// qtAt accepts one or two digits after % (Qt's %1, %L2).
func qtAt(s string, i, j int) int {
	k := j
	for k < len(s) && k-j < 2 && isDigitByte(s[k]) {
		k++
	}
	if k < len(s) && isDigitByte(s[k]) {
		return i // three digits: a number after a percent sign, not a placeholder
	}
	return k
}

// printfTail parses flags, width, precision, length and the conversion letter starting at j.
func printfTail(s string, j int) int {
	k := j
	for k < len(s) && (s[k] == '-' || s[k] == '+' || s[k] == '#' || s[k] == '0' || s[k] == '\'') {
		k++
	}
	k = skipCount(s, k)
	if k < len(s) && s[k] == '.' {
		k = skipCount(s, k+1)
	}
	for n := 0; n < 2 && k < len(s) && isLengthModifier(s[k]); n++ { // hh h l ll L q j z t
		k++
	}
	if k < len(s) && isConversion(s[k]) {
		return k + 1
	}
	return j
}

func skipCount(s string, k int) int {
	if k < len(s) && s[k] == '*' {
		return k + 1
	}
	for k < len(s) && isDigitByte(s[k]) {
		k++
	}
	return k
}

func isLengthModifier(b byte) bool {
	switch b {
	case 'h', 'l', 'L', 'q', 'j', 'z', 't':
		return true
	}
	return false
}

func isConversion(b byte) bool {
	switch b {
	case 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A', 'c', 'C', 's', 'S', 'p', 'n', 'r', '@', 'b':
		return true
	}
	return false
}

// braceAt recognizes {0} {name} {0,number} and {{name}} (Mustache, Jinja, Angular).
func braceAt(s string, i int) int {
	if i+1 < len(s) && s[i+1] == '{' {
		if end := closeBrace(s, i+2, 2); end > 0 {
			return end
		}
	}
	if end := closeBrace(s, i+1, 1); end > 0 {
		return end
	}
	return i
}

// closeBrace finds n closing braces ending a placeholder body that starts at j. The body is non-empty,
// has no braces or line breaks, and starts with a letter, digit, '_' or (inside double braces) a space;
// it returns the end after the braces, or 0.
func closeBrace(s string, j, n int) int {
	if j >= len(s) {
		return 0
	}
	first := s[j]
	if !(isIdentByte(first) || first >= 0x80 || n == 2 && first == ' ') {
		return 0
	}
	for k := j; k < len(s) && k-j <= maxPlaceholder; k++ {
		switch s[k] {
		case '{', '\n', '\r':
			return 0
		case '}':
			if k == j {
				return 0
			}
			if n == 2 {
				if k+1 < len(s) && s[k+1] == '}' {
					return k + 2
				}
				return 0
			}
			return k + 1
		}
	}
	return 0
}

// tagAt recognizes XML/HTML start, end and empty-element tags: <b> </b> <br/> <g id="1">.
func tagAt(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return i
	}
	quote := byte(0)
	for k := j + 1; k < len(s) && k-i <= maxPlaceholder; k++ {
		c := s[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		case c == '<':
			return i
		}
	}
	return i
}

// entityAt recognizes character references: &amp; &#1575; &#x627;.
func entityAt(s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return i
	}
	k := j
	switch {
	case s[j] == '#' && j+1 < len(s) && (s[j+1] == 'x' || s[j+1] == 'X'):
		k = j + 2
		for k < len(s) && k-j < 9 && isHexByte(s[k]) {
			k++
		}
		if k == j+2 {
			return i
		}
	case s[j] == '#':
		k = j + 1
		for k < len(s) && k-j < 9 && isDigitByte(s[k]) {
			k++
		}
		if k == j+1 {
			return i
		}
	case isASCIILetter(s[j]):
		for k < len(s) && k-j < 32 && (isASCIILetter(s[k]) || isDigitByte(s[k])) {
			k++
		}
	default:
		return i
	}
	if k < len(s) && s[k] == ';' {
		return k + 1
	}
	return i
}

func isDigitByte(b byte) bool   { return '0' <= b && b <= '9' }
func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isIdentByte(b byte) bool   { return isASCIILetter(b) || isDigitByte(b) || b == '_' }
func isHexByte(b byte) bool     { return isDigitByte(b) || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F' }
