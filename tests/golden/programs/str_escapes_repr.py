print(repr("\x00\x1f\x7f"), repr("é\u200b"), repr("\\"), repr("a'b\"c"), "tab\there")
print('''triple
quoted''', r"raw\n", "adjacent" " literals", len("\n"))
