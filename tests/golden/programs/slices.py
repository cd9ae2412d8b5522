a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-2], a[-3:], a[-3:-1], a[5:2], a[5:2:-1])
s = "abcdefgh"
print(s[1:-1], s[::-1], s[-100:100], s[3:3], s[10:])
t = tuple(a)
print(t[1:4], t[::-4])
