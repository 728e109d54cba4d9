"""Prints the lines of `congkhai --lang en` output (on stdin) that hold a Vietnamese letter
outside what they quote from the content: "…", “…”, '…', `…`, the [[…]] marker, and the path before the
first ": " of a diagnostic line (folder names are the official's)."""
import re
import sys
import unicodedata

# A letter with a Vietnamese diacritic, or đ/Đ: plain ASCII letters are shared with English.
def vietnamese(ch):
    if ch in "đĐ":
        return True
    base = unicodedata.normalize("NFD", ch)
    return len(base) > 1 and base[0].isascii() and base[0].isalpha()

# Outermost first: a `…` suggestion may hold quotes of both kinds.
QUOTED = [re.compile(r'`[^`]*`'), re.compile(r'\[\[[^\]]*\]\]'), re.compile(r'“[^”]*”'), re.compile(r'"[^"]*"'),
          re.compile(r"(?<![A-Za-z])'[^']*'")]
DIAGNOSTIC = re.compile(r"^[^\s][^:]*:(?:[0-9]+:[0-9]+|[^!]*![A-Z]+[0-9]+|[A-Z]+[0-9]+): ")

for line in sys.stdin.read().splitlines():
    text = DIAGNOSTIC.sub("", line)
    if text.startswith("::"):
        continue  # GitHub annotations repeat the lines above
    for quoted in QUOTED:
        text = quoted.sub("", text)
    if any(vietnamese(ch) for ch in text):
        print(line[:200])
