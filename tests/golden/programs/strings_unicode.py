s = "héllo wörld ✓"
print(len(s), s[1], s[-1], s[1:4], s.find("ö"), s.index("✓"))
for ch in "añ✓":
    print(ch, ord(ch), chr(ord(ch)))
print(list("日本語"), "日本語"[1], len("日本語"), "日本" + "語")
