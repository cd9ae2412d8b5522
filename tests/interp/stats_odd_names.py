# A class whose name holds a quote, a backslash and a control character,
# whose instance aborts transactions under the stress switch: --stats names
# it (the conflict report's object type) and must stay valid JSON
# (tests/support/check_stats_json.py).
def fill(c):
    for i in range(200):
        c.append(i)
C = type('q"\\\x01', (list,), {})
c = C()
fill(c)
print(len(c), C.__name__ == 'q"\\\x01')
